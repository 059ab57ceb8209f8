package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.testnet.net.NodeApi;
import io.gridchain.testnet.scenario.Network;
import io.gridchain.testnet.scenario.Scenario;
import io.gridchain.core.governance.Governance;
import io.gridchain.wallet.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Four validator processes and an observer; the operators add the observer to the validator set with
 * the command line alone, as the README tells them: propose (naming it by the peer id its node
 * shows), three of four approve, one submits and waits. From the height the command reports, and
 * not before, the observer's node is a validator and its precommits are in commit certificates.
 * Long: five node processes plus five CLI processes took 94 s on this shared machine (load ~17).
 */
@Tag("long")
class GovernanceIT {
    private static final Path JAR = Path.of(System.getProperty("gridchain.jar", "target/gridchain.jar"));
    private static final int NEWCOMER = 4;

    @Test
    void aValidatorAddedByGovernanceStartsSigningAtTheReportedHeight() throws Exception {
        try (Network net = Scenario.validators(4).observers(1).blockTime("200ms").start("governance")) {
            net.awaitHeight(3);
            assertThat(net.api(NEWCOMER).status().orElseThrow().validator()).isFalse();
            Path dir = net.dir();
            String password = dir.resolve("password").toString();
            String peerId = net.client(NEWCOMER).read("v1/net").path("peerId").asText();
            String proposal = dir.resolve("add-observer.json").toString();

            cli(dir, "propose", "governance", "propose", "--node", node(net, 0), "--add-validator", peerId, "--power", "10",
                    "--out", proposal);
            for (int v = 0; v < 3; v++) {
                Cli.Result approved = cli(dir, "approve-" + v, "governance", "approve", proposal, "--key", key(net, v),
                        "--password-file", password, "--node", node(net, v), "--yes");
                assertThat(approved.output()).contains("approved by");
            }
            Cli.Result submitted = cli(dir, "submit", "governance", "submit", proposal, "--key", key(net, 0),
                    "--password-file", password, "--node", node(net, 1), "--wait", "--yes");
            long effective = effectiveHeight(submitted.output());
            System.out.println(submitted.output());

            String newcomer = Keystore.declaredAddress(Files.readString(Path.of(key(net, NEWCOMER)))).orElseThrow().toString();
            net.await("node " + NEWCOMER + " a validator", Network.DEFAULT_WAIT,
                    () -> net.api(NEWCOMER).status().map(NodeApi.Status::validator).orElse(false));
            net.await("the new validator's precommit in a commit certificate", Network.DEFAULT_WAIT,
                    () -> firstSignedHeight(net, newcomer, effective - Governance.DELAY) > 0);
            long first = firstSignedHeight(net, newcomer, 1);
            System.out.printf("change effective at height %d; the new validator's first precommit commits block %d%n", effective, first);
            assertThat(first).as("no precommit of the new validator before the effective height").isGreaterThanOrEqualTo(effective);
            assertThat(validatorSetHash(net, effective)).as("the validator set changes at height %d", effective)
                    .isNotEqualTo(validatorSetHash(net, effective - 1));
            assertThat(net.client(0).read("v1/governance").path("validators")).hasSize(5);

            net.awaitSameHead();
            assertThat(net.assertSameBlocksUpToLowestHeight().nodes()).isEqualTo(5);
        }
    }

    private static Cli.Result cli(Path dir, String step, String... args) throws Exception {
        Cli.Result r = Cli.run(JAR, dir.resolve("cli-" + step + ".log"), args);
        assertThat(r.exitCode()).as("gridchain %s:%n%s", String.join(" ", args), r.output()).isZero();
        return r;
    }

    private static String node(Network net, int node) {
        return net.api(node).base().toString();
    }

    private static String key(Network net, int node) {
        return net.dir().resolve(net.name(node)).resolve("key.json").toString();
    }

    /** From "committed in block H; the change takes effect at height E". */
    private static long effectiveHeight(String output) {
        String marker = "takes effect at height ";
        String line = output.lines().filter(l -> l.contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no effective height in:\n" + output));
        return Long.parseLong(line.substring(line.indexOf(marker) + marker.length()).strip());
    }

    /** The lowest height whose commit certificate, as node 0 stored it, holds {@code validator}'s precommit; 0 if none yet. */
    private static long firstSignedHeight(Network net, String validator, long from) {
        long head = net.height(0);
        for (long h = Math.max(1, from); h <= head; h++) {
            NodeApi.Certificate c = net.api(0).block(h).commit().orElse(null);
            if (c != null && c.validators().stream().anyMatch(v -> v.equalsIgnoreCase(validator))) {
                return h;
            }
        }
        return 0;
    }

    private static String validatorSetHash(Network net, long height) {
        return net.client(0).read("v1/blocks/" + height).path("header").path("validatorSetHash").asText();
    }
}
