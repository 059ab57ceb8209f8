package io.gridchain.node.cli;

import io.gridchain.core.governance.GovernanceAction;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridchain governance propose|approve|show|submit}: a change of the validator set or of the
 * chain parameters travels as a proposal file from validator to validator, each adding its approval,
 * until they hold more than two thirds of the voting power; then anyone submits it.
 */
@Command(name = "governance", mixinStandardHelpOptions = true,
        description = "Change the validator set or the chain parameters with the approval of more than 2/3 of the voting power.",
        subcommands = {GovernanceCommand.Propose.class, GovernanceCommand.Approve.class, GovernanceCommand.Show.class,
                GovernanceSubmit.class})
final class GovernanceCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "propose", mixinStandardHelpOptions = true,
            description = "Write a proposal file for one change, made against the node's current validator set and governance nonce.")
    static final class Propose implements Callable<Integer> {
        @Option(names = "--node", defaultValue = "http://127.0.0.1:8080", description = "Node API (default: ${DEFAULT-VALUE}).")
        URI node;

        @Option(names = "--add-validator", paramLabel = "KEY",
                description = "Add a validator: its public key (0x…, 33 bytes) or the peerId its node shows in GET /v1/net.")
        String addValidator;

        @Option(names = "--power", description = "The new validator's voting power (with --add-validator).")
        Long power;

        @Option(names = "--remove-validator", paramLabel = "ADDRESS", description = "Remove a validator.")
        String removeValidator;

        @Option(names = "--set-power", arity = "2", paramLabel = "ADDRESS POWER", description = "Change a validator's power.")
        List<String> setPower;

        @Option(names = "--set-param", paramLabel = "NAME=VALUE", description = "Change a chain parameter (repeatable): "
                + "targetBlockTimeMillis, maxBlockBytes, maxTransactionBytes, minFee (in units, 10^-9 GRID).")
        List<String> setParams = new ArrayList<>();

        @Option(names = "--out", required = true, description = "The proposal file to write (must not exist).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (Files.exists(out)) {
                throw new CliException(out + " exists; choose another --out (it may hold approvals)");
            }
            ChainGovernance chain = ChainGovernance.read(io.gridchain.wallet.NodeClient.create(node));
            GovernanceProposal proposal = new GovernanceProposal(chain.chainId(), chain.governanceNonce(), chain.height(),
                    action(chain), chain.validators(), List.of());
            ProposalFile.write(out, proposal);
            PrintWriter o = spec.commandLine().getOut();
            ProposalFile.describe(o, proposal);
            o.println("wrote " + out);
            o.println("next: each validator runs `gridchain governance approve " + out + " --key KEYSTORE --password-file FILE`");
            return 0;
        }

        private GovernanceAction action(ChainGovernance chain) {
            int given = (addValidator != null ? 1 : 0) + (removeValidator != null ? 1 : 0) + (setPower != null ? 1 : 0)
                    + (setParams.isEmpty() ? 0 : 1);
            if (given != 1) {
                throw new CliException("give exactly one change: --add-validator KEY --power N, --remove-validator ADDRESS, "
                        + "--set-power ADDRESS POWER, or --set-param NAME=VALUE (repeatable)");
            }
            if (power != null && addValidator == null) {
                throw new CliException("--power goes with --add-validator; to change a validator's power use --set-power ADDRESS POWER");
            }
            if (addValidator != null) {
                if (power == null) {
                    throw new CliException("--add-validator needs --power N");
                }
                return GovernanceChanges.addValidator(addValidator, power, chain.validators());
            }
            if (removeValidator != null) {
                return GovernanceChanges.removeValidator(WalletCommand.parseAddress(spec, removeValidator), chain.validators());
            }
            if (setPower != null) {
                return GovernanceChanges.setPower(WalletCommand.parseAddress(spec, setPower.get(0)), power(setPower.get(1)),
                        chain.validators());
            }
            return GovernanceChanges.setParams(setParams, chain.params());
        }

        private static long power(String text) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new CliException("--set-power ADDRESS POWER: '" + text + "' is not a whole number");
            }
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Add this validator's approval (a signature over the proposal's digest) to a proposal file.")
    static final class Approve implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Parameters(paramLabel = "PROPOSAL", description = "The proposal file; it is rewritten with the approval added.")
        Path file;

        @Option(names = {"--key", "--keystore"}, required = true,
                description = "The validator's key: a keystore file, or an address in --keystore-dir.")
        String key;

        @Option(names = "--offline", description = "Do not ask --node whether the proposal is for its chain, its current "
                + "governance nonce, and whether this key is a validator now (the file's own validator set is still checked).")
        boolean offline;

        @Option(names = "--yes", description = "Do not ask for confirmation after showing the proposal.")
        boolean yes;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            GovernanceProposal proposal = ProposalFile.read(file);
            Optional<ChainGovernance> chain = offline ? Optional.empty() : Optional.of(ChainGovernance.read(common.client()));
            chain.ifPresent(c -> ProposalFile.requireCurrent(proposal, c, common.node));
            PrintWriter out = spec.commandLine().getOut();
            ProposalFile.describe(out, proposal);
            out.flush();
            if (!yes) {
                ChainTx.confirm(out);
            }
            io.gridchain.core.crypto.SigningKey signer = common.store().load(key, common.passwords().forUnlocking("the key of " + key));
            chain.ifPresent(c -> ProposalFile.requireValidator(c, signer.address()));
            GovernanceProposal.Approved approved = proposal.approve(signer);
            if (approved instanceof GovernanceProposal.Approved.Refused refused) {
                throw new CliException(refused.reason());
            }
            GovernanceProposal next = ((GovernanceProposal.Approved.Added) approved).proposal();
            ProposalFile.write(file, next);
            out.println("approved by " + signer.address() + "; " + ProposalFile.tally(next, next.approvers()));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show what a proposal file proposes, its digest and its approvals, counted against the node's validators.")
    static final class Show implements Callable<Integer> {
        @Option(names = "--node", description = "Count the approvals against this node's current validator set.")
        URI node;

        @Parameters(paramLabel = "PROPOSAL", description = "The proposal file.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            GovernanceProposal proposal = ProposalFile.read(file);
            PrintWriter out = spec.commandLine().getOut();
            ProposalFile.describe(out, proposal);
            for (var a : proposal.approvals()) {
                out.println("  approved by " + a.validator() + " (power " + proposal.approvers().powerOf(a.validator()) + ")");
            }
            if (node == null) {
                out.println(ProposalFile.tally(proposal, proposal.approvers()));
            } else {
                ChainGovernance chain = ChainGovernance.read(io.gridchain.wallet.NodeClient.create(node));
                ProposalFile.requireCurrent(proposal, chain, node);
                out.println("at height " + chain.height() + ": " + ProposalFile.tally(proposal, chain.validators()));
            }
            return 0;
        }
    }
}
