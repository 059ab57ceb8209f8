package io.gridchain.testnet.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A gridchain node running as its own OS process, as an operator runs it: started from the
 * gridchain jar, its output in a log file, stopped gently (SIGTERM) or killed (SIGKILL).
 */
public final class NodeProcess implements AutoCloseable {
    private final Process process;
    private final URI api;
    private final Path log;

    private NodeProcess(Process process, URI api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    /** Starts {@code java -jar gridchain.jar <args>} and waits until its API at {@code apiPort} answers. */
    public static NodeProcess start(Path jar, int apiPort, Path log, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(NodeJvm.options());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            NodeProcess node = new NodeProcess(p, URI.create("http://127.0.0.1:" + apiPort), log);
            node.awaitApi(timeout);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void awaitApi(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + " before its API answered; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(api.resolve("/v1/status")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("node API did not answer within " + timeout + "; see " + log);
    }

    public URI api() {
        return api;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, exactly like a power cut for the process. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM, then wait for a clean exit. */
    public int stop() {
        process.destroy();
        return waitFor();
    }

    private int waitFor() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar this code runs from, when it runs from the gridchain jar. */
    public static Path currentJar() {
        try {
            return Path.of(NodeProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
