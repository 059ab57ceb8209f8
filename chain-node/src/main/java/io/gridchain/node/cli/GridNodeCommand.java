package io.gridchain.node.cli;

import io.gridchain.capacity.CapacityTransactions;
import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.Address;
import io.gridchain.wallet.Grid;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridchain grid-node register|set-prices|drain|retire|show}. */
@Command(name = "grid-node", mixinStandardHelpOptions = true,
        description = "Grid nodes: capacity (cru cores, mru/sru/hru GiB), prices per unit-hour, status.",
        subcommands = {GridNodeCommand.Register.class, GridNodeCommand.SetPrices.class, GridNodeCommand.Drain.class,
                GridNodeCommand.Retire.class, GridNodeCommand.Show.class})
final class GridNodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Prices in GRID per unit-hour. */
    static final class PriceOptions {
        @Option(names = "--price-cru", defaultValue = "0", description = "GRID per core-hour.")
        String cru;

        @Option(names = "--price-mru", defaultValue = "0", description = "GRID per GiB-hour of memory.")
        String mru;

        @Option(names = "--price-sru", defaultValue = "0", description = "GRID per GiB-hour of SSD.")
        String sru;

        @Option(names = "--price-hru", defaultValue = "0", description = "GRID per GiB-hour of HDD.")
        String hru;

        Prices prices() {
            return new Prices(Grid.parse(cru), Grid.parse(mru), Grid.parse(sru), Grid.parse(hru));
        }
    }

    static String gridPrices(Prices p) {
        return "cru " + Grid.format(p.cru()) + ", mru " + Grid.format(p.mru()) + ", sru " + Grid.format(p.sru())
                + ", hru " + Grid.format(p.hru()) + " per unit-hour";
    }

    abstract static class Signed implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Option(names = "--id", required = true, description = "The grid node's id: the address of its own key.")
        String id;

        @Spec
        CommandSpec spec;

        Address node() {
            return WalletCommand.parseAddress(spec, id);
        }
    }

    /**
     * Registers a grid node, signed by the farm's owner and carrying the node key's consent (its signature
     * over chain, farm and node id), so the node's keystore is needed: nobody can register a node whose key
     * they do not hold.
     */
    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register a grid node in a farm (signed by the farm's owner, with the node key's consent).")
    static final class Register implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Spec
        CommandSpec spec;

        @Option(names = "--node-keystore", required = true,
                description = "The grid node's own keystore (its address is the node id); it signs its consent.")
        String nodeKeystore;

        @Option(names = "--farm", required = true, description = "Farm id.")
        long farm;

        @Option(names = "--cru", defaultValue = "0") long cru;
        @Option(names = "--mru", defaultValue = "0") long mru;
        @Option(names = "--sru", defaultValue = "0") long sru;
        @Option(names = "--hru", defaultValue = "0") long hru;

        @Option(names = "--location", defaultValue = "", description = "Where it is.")
        String location;

        @Mixin
        PriceOptions prices;

        @Override
        public Integer call() {
            Resources capacity = new Resources(cru, mru, sru, hru);
            io.gridchain.core.crypto.SigningKey nodeKey = common.store().load(nodeKeystore,
                    common.passwords().forUnlocking("the grid node key " + nodeKeystore));
            long chainId = common.client().status().chainId();
            ChainTx.send(spec, common, signer, CapacityTransactions.registerNode(nodeKey, chainId, farm, capacity, location,
                    prices.prices()), "register grid node " + nodeKey.address() + " in farm " + farm + " with " + capacity
                    + " at " + gridPrices(prices.prices()), "");
            return 0;
        }
    }

    @Command(name = "set-prices", mixinStandardHelpOptions = true, description = "Prices for new leases (running leases keep theirs).")
    static final class SetPrices extends Signed {
        @Mixin
        PriceOptions prices;

        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, CapacityTransactions.setPrices(node(), prices.prices()),
                    "set the prices of " + node() + " to " + gridPrices(prices.prices()), "");
            return 0;
        }
    }

    @Command(name = "drain", mixinStandardHelpOptions = true, description = "Refuse new leases; running ones continue.")
    static final class Drain extends Signed {
        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, CapacityTransactions.drain(node()), "drain grid node " + node(), "");
            return 0;
        }
    }

    @Command(name = "retire", mixinStandardHelpOptions = true, description = "Retire a node with no open lease (final).")
    static final class Retire extends Signed {
        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, CapacityTransactions.retire(node()), "retire grid node " + node() + " (final)", "");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Capacity, reserved, free, prices, status.")
    static final class Show implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Parameters(paramLabel = "ID", description = "The grid node's address.")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ChainTx.print(spec, common.client().read("v1/nodes/" + WalletCommand.parseAddress(spec, id)));
            return 0;
        }
    }
}
