package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridchain.capacity.CapacityStore;
import io.gridchain.capacity.CapacityTransactions;
import io.gridchain.capacity.Lease;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.Address;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.genesis.GenesisState;
import io.gridchain.lightclient.LightBlockProvider;
import io.gridchain.lightclient.LightClient;
import io.gridchain.lightclient.TrustOptions;
import io.gridchain.lightclient.TrustedBlock;
import io.gridchain.wallet.Grid;
import io.gridchain.wallet.LeaseProofVerifier;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeLightBlocks;
import io.gridchain.wallet.NodeViews;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridchain lease create|top-up|extend|cancel|show|list|verify}. */
@Command(name = "lease", mixinStandardHelpOptions = true, description = "Leases: capacity reserved on a grid node, paid from escrow.",
        subcommands = {LeaseCommand.Create.class, LeaseCommand.TopUp.class, LeaseCommand.Extend.class,
                LeaseCommand.Cancel.class, LeaseCommand.Show.class, LeaseCommand.ListLeases.class, LeaseCommand.Verify.class})
final class LeaseCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class ResourceOptions {
        @Option(names = "--cru", defaultValue = "0", description = "Cores.") long cru;
        @Option(names = "--mru", defaultValue = "0", description = "GiB of memory.") long mru;
        @Option(names = "--sru", defaultValue = "0", description = "GiB of SSD.") long sru;
        @Option(names = "--hru", defaultValue = "0", description = "GiB of HDD.") long hru;

        Resources resources() {
            return new Resources(cru, mru, sru, hru);
        }

        String query() {
            return "cru=" + cru + "&mru=" + mru + "&sru=" + sru + "&hru=" + hru;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Lease part of a grid node for --tenant; the escrow is locked from the signer at once.")
    static final class Create implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Option(names = "--grid-node", required = true, description = "The grid node's address.")
        String gridNode;

        @Option(names = "--tenant", required = true, description = "The tenant identity (the signer must own it).")
        String tenant;

        @Mixin
        ResourceOptions resources;

        @Option(names = "--hours", description = "Prepay this many hours (the escrow is their cost).")
        Long hours;

        @Option(names = "--escrow", description = "Or: the escrow in GRID.")
        String escrow;

        @Option(names = "--until", description = "A fixed end (ISO-8601, e.g. 2026-12-01T00:00:00Z); default: open-ended, runs while funded.")
        String until;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((hours == null) == (escrow == null)) {
                throw new CliException("give exactly one of --hours or --escrow");
            }
            Address node = WalletCommand.parseAddress(spec, gridNode);
            JsonNode quote = common.client().read("v1/nodes/" + node + "/quote?" + resources.query() + "&seconds="
                    + (hours == null ? 3600 : Math.multiplyExact(hours, 3600L)));
            long amount = escrow != null ? Grid.parse(escrow) : Long.parseLong(quote.get("cost").asText());
            long end = until == null ? 0 : Instant.parse(until).getEpochSecond();
            long rate = Long.parseLong(quote.get("ratePerHour").asText());
            NodeViews.TxInfo info = ChainTx.send(spec, common, signer,
                    CapacityTransactions.createLease(node, tenant, resources.resources(), end, amount),
                    "lease " + resources.resources() + " on " + node + " for '" + tenant + "' at " + Grid.format(rate)
                            + " per hour (minimum escrow " + Grid.format(Long.parseLong(quote.get("minEscrow").asText())) + ")",
                    "escrow " + Grid.format(amount));
            spec.commandLine().getOut().println("lease id " + ChainTx.attribute(info, "lease.created", "lease"));
            return 0;
        }
    }

    @Command(name = "top-up", mixinStandardHelpOptions = true, description = "Add escrow to a lease (in grace: restores it).")
    static final class TopUp implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Parameters(paramLabel = "LEASE")
        long lease;

        @Option(names = "--amount", required = true, description = "GRID to add.")
        String amount;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            long units = Grid.parse(amount);
            ChainTx.send(spec, common, signer, CapacityTransactions.topUp(lease, units), "top up lease " + lease,
                    "escrow " + Grid.format(units));
            return 0;
        }
    }

    @Command(name = "extend", mixinStandardHelpOptions = true, description = "Move a lease's fixed end later (optionally adding escrow).")
    static final class Extend implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Parameters(paramLabel = "LEASE")
        long lease;

        @Option(names = "--until", required = true, description = "The new end, ISO-8601.")
        String until;

        @Option(names = "--amount", defaultValue = "0", description = "GRID to add to the escrow.")
        String amount;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            long units = Grid.parse(amount);
            ChainTx.send(spec, common, signer, CapacityTransactions.extend(lease, Instant.parse(until).getEpochSecond(), units),
                    "extend lease " + lease + " to " + until, "escrow " + Grid.format(units));
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "End a lease now: the farm is paid what was used, the rest comes back to you.")
    static final class Cancel implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Parameters(paramLabel = "LEASE")
        long lease;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode now = common.client().read("v1/leases/" + lease);
            ChainTx.send(spec, common, signer, CapacityTransactions.cancel(lease), "cancel lease " + lease
                    + " (used so far " + Grid.format(Long.parseLong(now.get("used").asText())) + ", refund about "
                    + Grid.format(Long.parseLong(now.get("escrowLeft").asText())) + ")", "");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A lease, settled as of now: state, escrow left, paid until.")
    static final class Show implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Parameters(paramLabel = "LEASE")
        long lease;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ChainTx.print(spec, common.client().read("v1/leases/" + lease));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Leases of a tenant or of a grid node.")
    static final class ListLeases implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Option(names = "--tenant") String tenant;
        @Option(names = "--grid-node") String gridNode;
        @Option(names = "--state", description = "active, grace or ended.") String state;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if ((tenant == null) == (gridNode == null)) {
                throw new CliException("give exactly one of --tenant or --grid-node");
            }
            String query = tenant != null ? "tenant=" + tenant : "node=" + WalletCommand.parseAddress(spec, gridNode);
            ChainTx.print(spec, common.client().read("v1/leases?" + query + (state == null ? "" : "&state=" + state)));
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "What a grid node asks before running a workload: is there an active lease for this tenant "
                    + "covering these resources? With --genesis, also checks the lease's Merkle proof and commit "
                    + "certificate locally from the genesis, across validator-set changes, with the light client.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Option(names = "--grid-node", required = true) String gridNode;

        @Option(names = "--tenant", required = true, description = "An identity name, or an access token (then its subject).")
        String tenant;

        @Mixin
        ResourceOptions resources;

        @Option(names = "--genesis", description = "The chain's genesis.json: check the proof from it, across every "
                + "validator-set change, with the light client.")
        Path genesis;

        @Option(names = "--witness", description = "Another node's API URL to cross-check the header with (repeatable).")
        List<URI> witnesses = new ArrayList<>();

        @Option(names = "--trust-period", description = "Refuse a trusted header older than this (ISO-8601, e.g. P14D). "
                + "Default: none, the genesis document is the root you chose to trust.")
        Duration trustPeriod;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            body.put("node", WalletCommand.parseAddress(spec, gridNode).toString()).put("tenant", tenant);
            Resources r = resources.resources();
            body.putObject("resources").put("cru", r.cru()).put("mru", r.mru()).put("sru", r.sru()).put("hru", r.hru());
            JsonNode answer = common.client().postJson("v1/leases/verify", body);
            ChainTx.print(spec, answer);
            if (genesis != null && answer.hasNonNull("leaseId")) {
                checkProof(answer.get("leaseId").asLong());
            }
            return answer.get("valid").asBoolean() ? 0 : 3;
        }

        private void checkProof(long id) throws Exception {
            GenesisDocument.Parsed parsed = GenesisDocument.read(genesis);
            if (parsed instanceof GenesisDocument.Parsed.Invalid invalid) {
                throw new CliException(genesis + " is not a valid genesis document: " + invalid.describe());
            }
            GenesisState root = GenesisState.build(((GenesisDocument.Parsed.Valid) parsed).document());
            List<LightBlockProvider> others = new ArrayList<>();
            for (URI w : witnesses) {
                others.add(new NodeLightBlocks(NodeClient.create(w)));
            }
            LightClient client = new LightClient(TrustOptions.of(trustPeriod == null ? TrustOptions.FOREVER : trustPeriod),
                    new NodeLightBlocks(common.client()), others);
            NodeViews.LeaseProof proof = common.client().leaseProof(id);
            LeaseProofVerifier.Result result = LeaseProofVerifier.verify(proof, client,
                    TrustedBlock.genesis(root.header(), root.validatorSet()), Instant.now());
            PrintWriter out = spec.commandLine().getOut();
            if (result instanceof LeaseProofVerifier.Result.Conflict c) {
                throw new CliException("conflicting headers, trust neither: " + c.evidence().describe());
            }
            if (result instanceof LeaseProofVerifier.Result.Invalid bad) {
                throw new CliException("the proof of lease " + id + " does not hold: " + bad.reason());
            }
            LeaseProofVerifier.Result.Valid ok = (LeaseProofVerifier.Result.Valid) result;
            Lease lease = CapacityStore.LEASES.decodeValue(ok.record());
            out.println("proof ok: lease " + lease.id() + " of '" + lease.tenant() + "' on " + lease.node() + " ("
                    + lease.resources() + ", " + lease.state().label() + ") is in the state of block " + ok.height()
                    + ", signed by " + ok.signedPower() + "/" + ok.totalPower() + " of the validators' power");
            int agreed = witnesses.size() - ok.faultyWitnesses().size();
            out.println("block " + ok.height() + " verified from the genesis with " + ok.headersFetched().size()
                    + " header(s) " + ok.headersFetched() + (witnesses.isEmpty() ? "" : ", confirmed by " + agreed
                    + " of " + witnesses.size() + " witness(es)"));
            ok.faultyWitnesses().forEach(w -> out.println("witness ignored: " + w));
        }
    }
}
