package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command of the command line, given bad input, answers as a user expects: a non-zero exit and
 * one {@code error:} line, never a stack trace. Two bad inputs each: an option that does not exist, and
 * every required option and parameter set to a value that means nothing ({@code junk}).
 */
class EveryCommandBadInputTest {
    private static InputStream stdin;

    @BeforeAll
    static void noKeyboard() {
        stdin = System.in;
        System.setIn(new ByteArrayInputStream(new byte[0])); // a password prompt reads nothing and must say so
    }

    @AfterAll
    static void keyboard() {
        System.setIn(stdin);
    }

    static Stream<String> commands() {
        List<String> paths = new ArrayList<>();
        collect(GridchainCli.commandLine(), "", paths);
        return paths.stream();
    }

    private static void collect(CommandLine cli, String prefix, List<String> out) {
        if (cli.getSubcommands().isEmpty()) {
            out.add(prefix.strip());
            return;
        }
        cli.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandSpec().name().equals(name) && !name.equals("help")) { // aliases once
                collect(sub, prefix + " " + name, out);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void anUnknownOptionIsOneErrorLine(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--no-such-option");
        assertOneErrorLine(command, CliRun.run(args.toArray(String[]::new)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void meaninglessRequiredValuesAreOneErrorLine(String command) {
        CommandSpec spec = leaf(command);
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        boolean anyRequired = false;
        for (OptionSpec o : spec.options()) {
            if (o.required() && o.arity().max() > 0) {
                args.add(o.longestName());
                args.add("junk");
                anyRequired = true;
            }
        }
        for (ArgSpec p : spec.positionalParameters()) {
            if (p.required()) {
                args.add("junk");
                anyRequired = true;
            }
        }
        if (!anyRequired || command.equals("node init")) { // node init --dir junk rightly writes junk/node.yaml
            return; // a command without required input (dev, node init, …) would run: the unknown-option case covers it
        }
        assertOneErrorLine(command, CliRun.run(args.toArray(String[]::new)));
    }

    private static CommandSpec leaf(String command) {
        CommandLine cli = GridchainCli.commandLine();
        for (String part : command.split(" ")) {
            cli = cli.getSubcommands().get(part);
        }
        return cli.getCommandSpec();
    }

    private static void assertOneErrorLine(String command, CliRun r) {
        assertThat(r.exit()).as("exit code of %s", command).isNotZero();
        List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("what %s wrote to stderr", command).hasSize(1);
        assertThat(lines.get(0)).as("what %s wrote to stderr", command).startsWith("error: ")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }
}
