package io.gridchain.node.cli;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.governance.Governance;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Transaction;
import io.gridchain.wallet.Grid;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeViews;
import io.gridchain.wallet.TxBuilder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridchain governance submit}: checks the approvals against the node's validator set now (the
 * chain refuses the whole transaction for one approval by a non-validator, or too little power),
 * then signs the governance transaction with the submitter's key, which pays the fee.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Sign and submit the governance transaction of an approved proposal; the submitter pays the fee.")
final class GovernanceSubmit implements Callable<Integer> {
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(60);

    @Mixin
    WalletCommand.Common common;

    @Parameters(paramLabel = "PROPOSAL", description = "The proposal file with its approvals.")
    Path file;

    @Option(names = {"--key", "--keystore"}, required = true,
            description = "The submitter's key (any funded account): a keystore file, or an address in --keystore-dir.")
    String key;

    @Option(names = "--fee", description = "Fee in GRID (default: the chain's minimum fee).")
    String fee;

    @Option(names = "--wait", description = "Wait for the block and print the height the change takes effect at.")
    boolean await;

    @Option(names = "--yes", description = "Do not ask for confirmation after showing the proposal and the fee.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GovernanceProposal proposal = ProposalFile.read(file);
        NodeClient client = common.client();
        ChainGovernance chain = ChainGovernance.read(client);
        ProposalFile.requireCurrent(proposal, chain, common.node);
        requireApproved(proposal, chain);
        long feeUnits = fee != null ? Grid.parse(fee) : chain.params().minFee();
        PrintWriter out = spec.commandLine().getOut();
        ProposalFile.describe(out, proposal);
        out.println(ProposalFile.tally(proposal, chain.validators()));
        out.println("fee " + Grid.format(feeUnits));
        out.flush();
        if (!yes) {
            ChainTx.confirm(out);
        }
        SigningKey submitter = common.store().load(key, common.passwords().forUnlocking("the key of " + key));
        Transaction tx = TxBuilder.forNode(client).sign(submitter, proposal.toTransactionPayload(), feeUnits);
        client.submit(tx);
        out.println("submitted governance transaction " + tx.hash());
        if (await) {
            printCommitted(out, client.awaitCommitted(tx.hash(), COMMIT_TIMEOUT).orElseThrow(() -> new CliException(
                    "not committed within " + COMMIT_TIMEOUT.toSeconds() + " s; check later with GET /v1/txs/" + tx.hash())));
        }
        return 0;
    }

    /** The checks of the chain's governance handler, made before the fee is spent, with what is missing. */
    private static void requireApproved(GovernanceProposal proposal, ChainGovernance chain) {
        for (var a : proposal.approvals()) {
            Address approver = a.validator();
            if (!chain.validators().contains(approver)) {
                throw new CliException("the approval of " + approver + " is by an account that is not a validator now; the "
                        + "chain refuses the whole transaction for it: make a new proposal");
            }
        }
        long approved = proposal.approvedPower(chain.validators());
        long needed = GovernanceProposal.quorum(chain.validators());
        if (approved < needed) {
            throw new CliException("not enough approvals yet: " + ProposalFile.tally(proposal, chain.validators())
                    + "; ask more validators to run `gridchain governance approve`");
        }
    }

    private static void printCommitted(PrintWriter out, NodeViews.TxInfo info) {
        long height = info.height().orElse(-1L);
        String effective = Long.toString(height + Governance.DELAY);
        for (Event e : info.receipt().map(NodeViews.Receipt::events).orElse(List.of())) {
            if (e.type().equals("governance.scheduled") && e.attributes().containsKey("effectiveHeight")) {
                effective = e.attributes().get("effectiveHeight");
            }
        }
        out.println("committed in block " + height + "; the change takes effect at height " + effective);
    }
}
