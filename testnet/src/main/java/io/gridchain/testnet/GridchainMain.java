package io.gridchain.testnet;

import io.gridchain.node.cli.GridchainCli;
import io.gridchain.testnet.bench.BenchCommand;
import io.gridchain.testnet.net.TestnetCommand;
import picocli.CommandLine;

/** The {@code gridchain} executable: the node's command line plus the tools that drive whole networks. */
public final class GridchainMain {
    private GridchainMain() {}

    public static void main(String[] args) {
        CommandLine cli = GridchainCli.commandLine();
        cli.addSubcommand("testnet", new TestnetCommand());
        cli.addSubcommand("bench", new BenchCommand());
        System.exit(cli.execute(args));
    }
}
