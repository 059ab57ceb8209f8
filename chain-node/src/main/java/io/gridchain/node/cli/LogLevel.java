package io.gridchain.node.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code --log-level}, which every command takes: it sets the root logger's level before the command
 * runs, over {@value #ENV} (which logback.xml reads, and which still works alone).
 */
final class LogLevel {
    static final String ENV = "GRIDCHAIN_LOG_LEVEL";
    static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private LogLevel() {}

    /** Applies the level given to the deepest command that has one; a level that is not one of {@link #LEVELS} is refused. */
    static void apply(CommandLine.ParseResult parsed) {
        String given = null;
        CommandLine owner = parsed.commandSpec().commandLine();
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--log-level")) {
                given = p.matchedOptionValue("--log-level", null);
                owner = p.commandSpec().commandLine();
            }
        }
        if (given == null) {
            return;
        }
        String level = given.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
            throw new CommandLine.ParameterException(owner, "--log-level must be one of " + String.join(", ", LEVELS)
                    + ", not '" + given + "'");
        }
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.toLevel(level));
        }
    }
}
