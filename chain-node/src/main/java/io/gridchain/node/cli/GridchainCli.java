package io.gridchain.node.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gridchain} command: one entry point for running nodes, making genesis files and using wallets. */
@Command(name = "gridchain", mixinStandardHelpOptions = true, versionProvider = GridchainCli.Version.class,
        description = "Gridchain: a permissioned blockchain with an identity ledger for a compute and storage grid.",
        subcommands = {DevCommand.class, NodeCommand.class, GenesisCommand.class, WalletCommand.class,
                IdentityCommand.class, OrgCommand.class, LoginCommand.class, FarmCommand.class, GridNodeCommand.class,
                LeaseCommand.class, GovernanceCommand.class, TokenCommand.class, CommandLine.HelpCommand.class})
public final class GridchainCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Read by {@link LogLevel#apply} from whichever command it was given to; declared here so every command has it. */
    @CommandLine.Option(names = "--log-level", scope = CommandLine.ScopeType.INHERIT, paramLabel = "LEVEL",
            description = "trace, debug, info, warn, error or off (default: $" + LogLevel.ENV + ", else info).")
    String logLevel;

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GridchainCli());
        cli.setExecutionExceptionHandler(GridchainCli::reportFailure);
        cli.setParameterExceptionHandler(new UsageErrors());
        cli.setExecutionStrategy(parsed -> {
            LogLevel.apply(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        cli.registerConverter(java.time.Duration.class, Durations::parse);
        return cli;
    }

    /** An expected failure is one clear line; anything else is a bug and shows its stack trace. */
    private static int reportFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof CliException || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.UncheckedIOException || e instanceof java.io.IOException
                || e.getClass().getName().startsWith("io.gridchain.wallet")) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: unexpected failure: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code -V}: the Maven version and the commit, from the resource the build wrote (see chain-node/pom.xml). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {BuildInfo.load().describe()};
        }
    }
}
