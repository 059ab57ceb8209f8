package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The README's walks (the transfer, identity and lease examples) run as written, in order, against the
 * dev chain they name, so the README cannot drift from the code. Commands are the lines of ```sh blocks
 * and the "$ " lines of transcripts; a transcript step whose output starts with "error:" must fail, one
 * marked "# exit status N" must exit N, every other step must succeed. Only the paths under /tmp/gc- and
 * the port are changed, to a temporary directory and a free port.
 */
@Tag("long")
class ReadmeWalkIT {
    private static final Path JAR = Path.of(System.getProperty("gridchain.jar", "target/gridchain.jar")).toAbsolutePath();
    private static final String FIRST = "## A worked example";
    private static final String LAST = "## Run a validator network";
    private static final String SKIPPED = "### On a network with registrars"; // its own network: RegistrarCommandsTest

    /** Kept after the run, like the scenarios' logs: walk.sh, walk.log, dev.log and the walk's files. */
    private final Path dir = Path.of("target", "readme-walk").toAbsolutePath();

    /** One README step and the exit status it must have: 0, a given one, or -1 for "any failure". */
    record Step(String command, int expected) {}

    @Test
    void theTransferIdentityAndLeaseWalksRunAsWritten() throws Exception {
        List<Step> steps = steps(Files.readString(readme()));
        assertThat(steps.get(0).command()).startsWith("./gridchain dev ");
        assertThat(steps).hasSizeGreaterThan(30);
        int port = freePort();
        deleteRecursively(dir);
        Files.createDirectories(dir.resolve("tmp"));
        Path work = Files.createDirectories(dir.resolve("work"));
        Path wrapper = work.resolve("gridchain");
        Files.writeString(wrapper, "#!/bin/sh\nexec java -jar " + JAR + " \"$@\"\n");
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));

        // the README's dev command on a free libp2p port too: 26656 may be taken by another node on this machine
        String devCommand = localize(steps.get(0).command(), port) + " --p2p-port " + freePort();
        Process dev = new ProcessBuilder("bash", "-c", "exec " + devCommand).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dev.log").toFile()).start();
        try {
            awaitApi(port, dev);
            Path script = dir.resolve("walk.sh");
            Files.writeString(script, script(steps.subList(1, steps.size()), port));
            Process walk = new ProcessBuilder("bash", script.toString()).directory(work.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(dir.resolve("walk.log").toFile()).start();
            boolean done = walk.waitFor(5, TimeUnit.MINUTES);
            if (!done) {
                walk.destroyForcibly();
            }
            String log = Files.readString(dir.resolve("walk.log"));
            System.out.println(log);
            assertThat(done).as("the walk finished within 5 minutes:%n%s", log).isTrue();
            assertThat(walk.exitValue()).as("the README walk:%n%s", log).isZero();
            assertThat(log).contains("README walk: " + (steps.size() - 1) + " steps as written");
        } finally {
            dev.destroy();
            dev.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The commands of the walk sections, in order. */
    static List<Step> steps(String readme) {
        String text = readme.substring(readme.indexOf(FIRST), readme.indexOf(LAST));
        int skip = text.indexOf(SKIPPED);
        if (skip >= 0) {
            int next = text.indexOf("\n## ", skip);
            text = text.substring(0, skip) + text.substring(next);
        }
        List<Step> steps = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].startsWith("```")) {
                continue;
            }
            boolean script = lines[i].strip().equals("```sh");
            List<String> block = new ArrayList<>();
            for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
                block.add(lines[i]);
            }
            steps.addAll(script ? scriptSteps(block) : transcriptSteps(block));
        }
        return steps;
    }

    private static List<Step> scriptSteps(List<String> block) {
        List<Step> steps = new ArrayList<>();
        for (String line : block) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                steps.add(new Step(line, 0));
            }
        }
        return steps;
    }

    private static List<Step> transcriptSteps(List<String> block) {
        List<Step> steps = new ArrayList<>();
        for (int j = 0; j < block.size(); j++) {
            if (!block.get(j).startsWith("$ ")) {
                continue;
            }
            String command = block.get(j).substring(2);
            String firstOutput = j + 1 < block.size() ? block.get(j + 1) : "";
            java.util.regex.Matcher status = java.util.regex.Pattern.compile("# exit status (\\d+)").matcher(command);
            int expected = status.find() ? Integer.parseInt(status.group(1)) : firstOutput.startsWith("error:") ? -1 : 0;
            steps.add(new Step(command, expected));
        }
        return steps;
    }

    /** A bash script that runs each step in one shell (variables carry over) and stops at the first that surprises. */
    private String script(List<Step> steps, int port) {
        StringBuilder s = new StringBuilder("set -o pipefail\ntrap 'kill $(jobs -p) 2>/dev/null' EXIT\n");
        int n = 0;
        for (Step step : steps) {
            n++;
            String command = localize(step.command(), port);
            String quoted = "'" + command.replace("'", "'\\''") + "'";
            s.append("echo \"+ [").append(n).append("] \"").append(quoted).append('\n');
            s.append(command).append('\n');
            String ok = step.expected() < 0 ? "[ $rc -ne 0 ]" : "[ $rc -eq " + step.expected() + " ]";
            s.append("rc=$?; ").append(ok).append(" || { echo \"README step ").append(n).append(" exited $rc, expected ")
                    .append(step.expected() < 0 ? "a failure" : Integer.toString(step.expected())).append(": \"").append(quoted)
                    .append("; exit 1; }\n");
        }
        s.append("echo \"README walk: ").append(n).append(" steps as written\"\n");
        return s.toString();
    }

    private String localize(String command, int port) {
        return command.replace("/tmp/gc-", dir.resolve("tmp").toString() + "/gc-").replace("18480", Integer.toString(port));
    }

    private void awaitApi(int port, Process dev) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertThat(dev.isAlive()).as("the dev node runs:%n%s", Files.readString(dir.resolve("dev.log"))).isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/status"))
                        .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the dev node's API did not answer within 90 s:\n" + Files.readString(dir.resolve("dev.log")));
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var files = Files.walk(p)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("testnet")) ? here.resolve("README.md")
                : here.getParent().resolve("README.md");
    }
}
