package io.gridchain.node.cli;

import io.gridchain.capacity.CapacityTransactions;
import io.gridchain.core.crypto.Address;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridchain farm create|show}. */
@Command(name = "farm", mixinStandardHelpOptions = true, description = "Farms: who owns grid nodes and where they are paid.",
        subcommands = {FarmCommand.Create.class, FarmCommand.Show.class})
final class FarmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a farm NAME owned by --owner.")
    static final class Create implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Parameters(paramLabel = "NAME", description = "Unique farm name.")
        String name;

        @Option(names = "--owner", required = true, description = "The owning identity (the signer must own it).")
        String owner;

        @Option(names = "--payout", required = true, description = "The address leases pay to.")
        String payout;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Address to = WalletCommand.parseAddress(spec, payout);
            var info = ChainTx.send(spec, common, signer, CapacityTransactions.createFarm(name, owner, to),
                    "create farm '" + name + "' owned by '" + owner + "', paying " + to, "");
            spec.commandLine().getOut().println("farm id " + ChainTx.attribute(info, "farm.created", "farm"));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a farm by id or name.")
    static final class Show implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Parameters(paramLabel = "FARM", description = "Id or name.")
        String farm;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ChainTx.print(spec, common.client().read("v1/farms/" + farm));
            return 0;
        }
    }
}
