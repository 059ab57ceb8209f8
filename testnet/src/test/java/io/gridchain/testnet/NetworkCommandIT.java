package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.testnet.netns.NetnsWiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridchain testnet up / status / down} as an operator types them. */
class NetworkCommandIT {
    private static final Path JAR = Path.of(System.getProperty("gridchain.jar", "target/gridchain.jar"));

    @TempDir
    Path dir;

    @Test
    void upStartsNodesThatOutliveTheCommandStatusShowsThemGrowAndDownStopsThem() throws Exception {
        Path tn = dir.resolve("tn");
        try {
            Cli.Result up = Cli.run(JAR, dir.resolve("up.log"), "testnet", "up", "--validators", "2", "--observers", "1",
                    "--dir", tn.toString(), "--block-time", "200ms");
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(Files.getPosixFilePermissions(tn.resolve("password")))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            JsonNode manifest = new ObjectMapper().readTree(tn.resolve("testnet.json").toFile());
            assertThat(manifest.path("nodes")).hasSize(3);
            assertThat(manifest.path("nodes").get(2).path("validator").asBoolean()).isFalse();
            for (JsonNode n : manifest.path("nodes")) {
                assertThat(ProcessHandle.of(n.path("pid").asLong()).map(ProcessHandle::isAlive)).as(n.toString()).contains(true);
                assertThat(n.path("p2p").asText()).startsWith("/ip4/127.0.0.1/tcp/").contains("/p2p/16Uiu2");
            }

            long first = minHeight(Cli.run(JAR, dir.resolve("status1.log"), "testnet", "status", "--dir", tn.toString()));
            Thread.sleep(3000);
            Cli.Result status = Cli.run(JAR, dir.resolve("status2.log"), "testnet", "status", "--dir", tn.toString());
            assertThat(status.output()).contains("validator-0", "validator-1", "observer-0");
            assertThat(minHeight(status)).as(status.output()).isGreaterThan(first);

            Cli.Result down = Cli.run(JAR, dir.resolve("down.log"), "testnet", "down", "--dir", tn.toString());
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(down.output()).contains("SIGTERM sent", "all nodes stopped");
            for (JsonNode n : manifest.path("nodes")) {
                assertThat(ProcessHandle.of(n.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            }
        } finally {
            Cli.run(JAR, dir.resolve("cleanup.log"), "testnet", "down", "--dir", tn.toString(), "--timeout", "1s");
        }
    }

    @Test
    void netnsWithoutRootIsRefusedWithAReason() throws Exception {
        assumeTrue(NetnsWiring.whyUnavailable().isPresent(), "this process may create namespaces (root), so there is no refusal to see");
        Cli.Result r = Cli.run(JAR, dir.resolve("netns.log"), "testnet", "up", "--validators", "1", "--dir",
                dir.resolve("tn").toString(), "--netns");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("--netns needs");
        assertThat(dir.resolve("tn")).doesNotExist();
    }

    @Test
    void upWithNetnsRunsEachNodeInItsNamespaceAndDownRemovesThemAll() throws Exception {
        assumeTrue(NetnsWiring.whyUnavailable().isEmpty(), () -> "--netns cannot run here: " + NetnsWiring.whyUnavailable().get());
        Path tn = dir.resolve("tn");
        try {
            Cli.Result up = Cli.run(JAR, dir.resolve("up.log"), "testnet", "up", "--validators", "2", "--observers", "1",
                    "--dir", tn.toString(), "--block-time", "200ms", "--netns");
            assertThat(up.exitCode()).as(up.output()).isZero();
            JsonNode manifest = new ObjectMapper().readTree(tn.resolve("testnet.json").toFile());
            String tag = manifest.path("netns").path("tag").asText();
            assertThat(tag).as(manifest.toString()).hasSize(6);
            for (int i = 0; i < 3; i++) {
                JsonNode n = manifest.path("nodes").get(i);
                assertThat(n.path("api").asText()).startsWith("http://10.77.");
                assertThat(n.path("p2p").asText()).startsWith("/ip4/10.77.");
                assertThat(ip("netns", "identify", n.path("pid").asText())).as("namespace of " + n).isEqualTo("gc-" + tag + "-" + i);
            }

            long first = minHeight(Cli.run(JAR, dir.resolve("status1.log"), "testnet", "status", "--dir", tn.toString()));
            Thread.sleep(3000);
            Cli.Result status = Cli.run(JAR, dir.resolve("status2.log"), "testnet", "status", "--dir", tn.toString());
            assertThat(minHeight(status)).as(status.output()).isGreaterThan(first);

            Cli.Result down = Cli.run(JAR, dir.resolve("down.log"), "testnet", "down", "--dir", tn.toString());
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(down.output()).contains("all nodes stopped", "removed namespaces");
            assertThat(ip("netns", "list")).doesNotContain("gc-" + tag);
            assertThat(ip("-o", "link", "show")).doesNotContain("gc" + tag);
        } finally {
            Cli.run(JAR, dir.resolve("cleanup.log"), "testnet", "down", "--dir", tn.toString(), "--timeout", "1s");
        }
    }

    private static String ip(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("ip"));
        command.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    /** The lowest height in a status table; every node must answer. */
    private static long minHeight(Cli.Result status) {
        long min = Long.MAX_VALUE;
        for (String line : status.output().split("\n")) {
            String[] cols = line.trim().split("\\s+");
            if (cols.length == 7 && !cols[0].equals("NAME")) {
                assertThat(cols[2]).as("height of %s in%n%s", cols[0], status.output()).matches("\\d+");
                min = Math.min(min, Long.parseLong(cols[2]));
            }
        }
        assertThat(min).as(status.output()).isNotEqualTo(Long.MAX_VALUE);
        return min;
    }
}
