package io.gridchain.testnet.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs iproute2's {@code ip} and {@code tc}: the only network tools this machine is assumed to have. */
final class Iproute2 {
    /** What a command printed (stdout and stderr together) and its exit code. */
    record Result(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The output, or an exception naming the command and what it printed. */
        String orThrow() {
            if (!ok()) {
                throw new IllegalStateException("'" + String.join(" ", command) + "' failed (exit " + exitCode + "): "
                        + output.strip());
            }
            return output;
        }
    }

    private Iproute2() {}

    static Result run(String... command) {
        return run(List.of(command), "");
    }

    /** Runs {@code command} with {@code stdin} as its input, e.g. the lines of {@code ip -batch -}. */
    static Result run(List<String> command, String stdin) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            String output;
            try (InputStream out = p.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(command, -1, "did not finish within 30 s");
            }
            return new Result(command, p.exitValue(), output);
        } catch (IOException e) {
            return new Result(command, -1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, -1, "interrupted");
        }
    }

    /** {@code ip -n <namespace> -batch -}: one process for many changes inside one namespace. */
    static Result batchIn(String namespace, List<String> lines) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", namespace, "-batch", "-"));
        return run(command, String.join("\n", lines) + "\n");
    }
}
