package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.wallet.NodeClient;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's testnet over its life (and what its nodes log: dated lines, and why and how they stopped): `testnet status` shows an observer that governance promotes as
 * a validator (its role comes from the chain, not the genesis file), and `testnet start` brings a
 * stopped testnet back from its directory, where it goes on from the height it stopped at.
 */
@Tag("long") // about 100 s of real processes and a governance change, like GovernanceIT
class TestnetRestartIT {
    private static final Path JAR = Path.of(System.getProperty("gridchain.jar", "target/gridchain.jar"));

    @TempDir
    Path dir;

    @Test
    void statusFollowsTheValidatorSetAndStartBringsAStoppedTestnetBack() throws Exception {
        Path tn = dir.resolve("tn");
        try {
            ok("up", "testnet", "up", "--validators", "1", "--observers", "1", "--dir", tn.toString(), "--block-time", "200ms");
            assertThat(role(status("status-before"), "observer-0")).isEqualTo("no");

            String api0 = apiOf("validator-0");
            String api1 = apiOf("observer-0");
            String peerId = NodeClient.create(URI.create(api1)).read("v1/net").path("peerId").asText();
            String proposal = dir.resolve("promote.json").toString();
            String password = tn.resolve("password").toString();
            String key0 = tn.resolve("validator-0/key.json").toString();
            ok("propose", "governance", "propose", "--node", api0, "--add-validator", peerId, "--power", "10", "--out", proposal);
            ok("approve", "governance", "approve", proposal, "--key", key0, "--password-file", password, "--node", api0, "--yes");
            ok("submit", "governance", "submit", proposal, "--key", key0, "--password-file", password, "--node", api0,
                    "--wait", "--yes");
            long deadline = System.nanoTime() + 30_000_000_000L; // the change takes effect a few blocks after its commit
            while (!role(status("status-after"), "observer-0").equals("yes") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(role(status("status-after"), "observer-0")).isEqualTo("yes");

            Cli.Result down = ok("down", "testnet", "down", "--dir", tn.toString());
            assertThat(down.output()).contains("start again: gridchain testnet start --dir " + tn);
            String log = java.nio.file.Files.readString(tn.resolve("validator-0/node.log"));
            assertThat(log).as("ISO-8601 timestamps with date and zone")
                    .containsPattern("(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO ");
            assertThat(log).containsPattern("stopping on SIGTERM at height \\d+")
                    .containsPattern("stopped cleanly at height \\d+: API, network and consensus stopped, store closed");
            Cli.Result stopped = status("status-stopped");
            assertThat(row(stopped, "validator-0")[2]).as(stopped.output()).isEqualTo("-");
            assertThat(role(stopped, "observer-0")).as("no node answers: the genesis role").isEqualTo("no(genesis)");

            Cli.Result again = Cli.run(JAR, dir.resolve("up-again.log"), "testnet", "up", "--validators", "1", "--dir", tn.toString());
            assertThat(again.exitCode()).isNotZero();
            assertThat(again.output()).contains("already holds a testnet");

            Cli.Result start = ok("start", "testnet", "start", "--dir", tn.toString());
            assertThat(start.output()).contains("starting 2 node processes from " + tn, "validator-0", "observer-0");
            Cli.Result twice = Cli.run(JAR, dir.resolve("start-twice.log"), "testnet", "start", "--dir", tn.toString());
            assertThat(twice.exitCode()).isNotZero();
            assertThat(twice.output().strip()).startsWith("error: validator-0 (pid").contains("is still running");

            long first = height(status("status-restarted"), "validator-0");
            Thread.sleep(2000);
            Cli.Result later = status("status-later");
            assertThat(height(later, "validator-0")).as(later.output()).isGreaterThan(first);
            assertThat(role(later, "observer-0")).isEqualTo("yes");
        } finally {
            Cli.run(JAR, dir.resolve("cleanup.log"), "testnet", "down", "--dir", tn.toString(), "--timeout", "2s");
        }
    }

    private Cli.Result ok(String step, String... args) throws Exception {
        Cli.Result r = Cli.run(JAR, dir.resolve(step + ".log"), args);
        assertThat(r.exitCode()).as("gridchain %s:%n%s", String.join(" ", args), r.output()).isZero();
        return r;
    }

    private Cli.Result status(String step) throws Exception {
        return ok(step, "testnet", "status", "--dir", dir.resolve("tn").toString());
    }

    private static String[] row(Cli.Result status, String name) {
        return status.output().lines().map(l -> l.trim().split("\\s+")).filter(c -> c[0].equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in\n" + status.output()));
    }

    private static String role(Cli.Result status, String name) {
        return row(status, name)[1];
    }

    private static long height(Cli.Result status, String name) {
        return Long.parseLong(row(status, name)[2]);
    }

    /** The api URL of a node, from testnet.json beside the status. */
    private String apiOf(String name) throws Exception {
        com.fasterxml.jackson.databind.JsonNode m = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("tn/testnet.json").toFile());
        for (com.fasterxml.jackson.databind.JsonNode n : m.path("nodes")) {
            if (n.path("name").asText().equals(name)) {
                return n.path("api").asText();
            }
        }
        throw new AssertionError("no " + name + " in testnet.json");
    }
}
