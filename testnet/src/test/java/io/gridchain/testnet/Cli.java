package io.gridchain.testnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one gridchain command as a process and captures what it printed, as a user would see it. */
final class Cli {
    record Result(int exitCode, String output) {}

    private Cli() {}

    static Result run(Path jar, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("gridchain " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
