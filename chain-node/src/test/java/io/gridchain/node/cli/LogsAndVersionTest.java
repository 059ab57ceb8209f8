package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** `--log-level` on every command, and `-V` naming the version and the commit. */
class LogsAndVersionTest {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level before = root.getLevel();

    @AfterEach
    void restore() {
        root.setLevel(before);
    }

    @Test
    void everyCommandTakesLogLevel() {
        List<String> without = new ArrayList<>();
        collect(GridchainCli.commandLine(), without);
        assertThat(without).isEmpty();
    }

    private static void collect(CommandLine cli, List<String> without) {
        if (!cli.getCommandSpec().optionsMap().containsKey("--log-level")) {
            without.add(cli.getCommandSpec().qualifiedName());
        }
        cli.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, without));
    }

    @Test
    void logLevelSetsTheRootLoggerBeforeTheCommandRuns() {
        CliRun r = CliRun.run("genesis", "validate", "/nonexistent/genesis.json", "--log-level", "warn");
        assertThat(r.err()).startsWith("error: ");
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        CliRun.run("--log-level", "DEBUG", "genesis", "validate", "/nonexistent/genesis.json");
        assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void anUnknownLogLevelIsOneLine() {
        CliRun r = CliRun.run("genesis", "validate", "x.json", "--log-level", "loud");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly("error: --log-level must be one of trace, debug, info, warn, "
                + "error, off, not 'loud' (see `gridchain genesis validate --help`)");
    }

    @Test
    void versionNamesTheMavenVersionAndTheCommit() {
        CliRun r = CliRun.run("-V");
        assertThat(r.exit()).isZero();
        assertThat(r.out().strip()).matches("gridchain \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\((commit [0-9a-f]{12}(, with uncommitted "
                + "changes)?|commit unknown: built outside git)\\)");
    }

    @Test
    void aBuildOutsideGitSaysSo() {
        Properties p = new Properties();
        p.setProperty("version", "0.1.0");
        p.setProperty("commit", "");
        p.setProperty("dirty", "false");
        assertThat(BuildInfo.of(p).describe()).isEqualTo("gridchain 0.1.0 (commit unknown: built outside git)");
        p.setProperty("commit", "3901bbb27457");
        p.setProperty("dirty", "true");
        assertThat(BuildInfo.of(p).describe()).isEqualTo("gridchain 0.1.0 (commit 3901bbb27457, with uncommitted changes)");
        assertThat(BuildInfo.of(new Properties()).describe()).isEqualTo("gridchain unknown version (commit unknown: built outside git)");
    }
}
