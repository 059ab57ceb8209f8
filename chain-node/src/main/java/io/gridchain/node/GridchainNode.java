package io.gridchain.node;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.PayloadViews;
import io.gridchain.node.api.NetRoutes;
import io.gridchain.node.bft.ConsensusDriver;
import io.gridchain.node.bft.TransactionRelay;
import io.gridchain.node.bft.ValidatorNetwork;
import io.gridchain.node.chain.BlockCertifier;
import io.gridchain.node.chain.ChainRules;
import io.gridchain.node.chain.DevBlockProducer;
import io.gridchain.node.chain.GenesisData;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.config.NetworkConfig;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.core.tx.Transaction;
import io.gridchain.node.mempool.Admission;
import io.gridchain.node.mempool.Mempool;
import java.util.function.Consumer;
import io.gridchain.node.metrics.NodeMetrics;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.leveldb.LevelDbKeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running single-validator node: storage, ledger, mempool, block producer and API, started in that order. */
public final class GridchainNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GridchainNode.class);

    private final ChainStore store;
    private final Ledger ledger;
    private final Mempool mempool;
    private final AutoCloseable blockMaker;
    private final ApiServer api;
    private final P2PNetwork network;

    private GridchainNode(ChainStore store, Ledger ledger, Mempool mempool, AutoCloseable blockMaker, ApiServer api,
                          P2PNetwork network) {
        this.store = store;
        this.ledger = ledger;
        this.mempool = mempool;
        this.blockMaker = blockMaker;
        this.api = api;
        this.network = network;
    }

    public static GridchainNode start(NodeConfig config, GenesisData genesis, SigningKey validatorKey,
                                      BlockCertifier certifier, Clock clock) {
        try {
            Files.createDirectories(config.chainDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.chainDir() + ": " + e.getMessage(), e);
        }
        ChainStore store = new ChainStore(LevelDbKeyValueStore.open(config.chainDir().toFile()), 1 << 20);
        try {
            BlockExecutor executor = ChainRules.standard();
            Ledger ledger = Ledger.open(store, genesis, executor);
            requireValidator(ledger, validatorKey.address());
            NodeMetrics metrics = new NodeMetrics();
            metrics.setHeight(ledger.head().height());
            Mempool mempool = new Mempool(executor.transactions(), ledger::state,
                    () -> new BlockInfo(ledger.chainId(), ledger.head().height() + 1, clock.millis(),
                            Address.of(new byte[20]), ledger.params()), config.mempoolLimits());
            metrics.watchMempool(mempool::size, mempool::sizeInBytes);
            DevBlockProducer producer = new DevBlockProducer(ledger, mempool, validatorKey.address(), certifier, clock,
                    config.blockTime(), metrics);
            ApiServer api = ApiServer.start(config.apiHost(), config.apiPort(), ledger, mempool, metrics,
                    PayloadViews.standard(), List.of());
            producer.start();
            log.info("chain {} at height {}, API on http://{}:{}", ledger.chainId(), ledger.head().height(),
                    config.apiHost(), api.port());
            return new GridchainNode(store, ledger, mempool, producer, api, null);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * A node of a validator network: its libp2p host, the Tendermint driver, block sync and transaction
     * gossip. With a key outside the validator set it is an observer: it follows the chain and serves
     * the API, and never signs.
     */
    public static GridchainNode startNetworked(NodeConfig config, NetworkConfig net, GenesisData genesis, SigningKey key,
                                               Clock clock) {
        try {
            Files.createDirectories(config.chainDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + config.chainDir() + ": " + e.getMessage(), e);
        }
        ChainStore store = new ChainStore(LevelDbKeyValueStore.open(config.chainDir().toFile()), 1 << 20);
        P2PNetwork network = null;
        try {
            BlockExecutor executor = ChainRules.standard();
            Ledger ledger = Ledger.open(store, genesis, executor);
            NodeMetrics metrics = new NodeMetrics();
            metrics.setHeight(ledger.head().height());
            Mempool mempool = new Mempool(executor.transactions(), ledger::state,
                    () -> new BlockInfo(ledger.chainId(), ledger.head().height() + 1, clock.millis(),
                            Address.of(new byte[20]), ledger.params()), config.mempoolLimits());
            metrics.watchMempool(mempool::size, mempool::sizeInBytes);
            network = ValidatorNetwork.start(key, net);
            TransactionRelay relay = new TransactionRelay(network, ledger.chainId(), mempool,
                    () -> ledger.params().maxTransactionBytes());
            Consumer<Transaction> submit = tx -> {
                Admission admission = mempool.add(tx);
                if (admission instanceof Admission.Refused refused) {
                    log.warn("the node's own {} transaction was refused: {}", tx.kind(), refused.rejection().detail());
                } else {
                    relay.publish(tx);
                }
            };
            ConsensusDriver driver = new ConsensusDriver(ledger, mempool, network, key, config.dataDir(), net.timeouts(),
                    config.blockTime(), clock, metrics, submit, net.testOnlyEquivocate());
            NetRoutes netRoutes = new NetRoutes(ledger, network, driver::syncing, driver::targetHeight);
            ApiServer api = ApiServer.start(config.apiHost(), config.apiPort(), ledger, mempool, metrics,
                    PayloadViews.standard(), List.of(netRoutes),
                    () -> netRoutes.statusFields(ledger.validators().contains(key.address())), relay::publish);
            driver.start();
            log.info("chain {} at height {} as {} {}; API on http://{}:{}, libp2p on {}", ledger.chainId(),
                    ledger.head().height(), ledger.validators().contains(key.address()) ? "validator" : "observer",
                    key.address(), config.apiHost(), api.port(), network.listenAddresses());
            return new GridchainNode(store, ledger, mempool, driver, api, network);
        } catch (RuntimeException e) {
            if (network != null) {
                network.close();
            }
            store.close();
            throw e;
        }
    }

    private static void requireValidator(Ledger ledger, Address key) {
        if (!ledger.validators().contains(key)) {
            throw new IllegalStateException("the key " + key + " is not a validator of chain " + ledger.chainId());
        }
        if (ledger.validators().size() != 1) {
            throw new IllegalStateException("this node runs a single-validator chain; the genesis has "
                    + ledger.validators().size() + " validators");
        }
    }

    public Ledger ledger() {
        return ledger;
    }

    public Mempool mempool() {
        return mempool;
    }

    public int apiPort() {
        return api.port();
    }

    public java.util.Optional<P2PNetwork> network() {
        return java.util.Optional.ofNullable(network);
    }

    @Override
    public void close() {
        api.close();
        try {
            blockMaker.close();
        } catch (Exception e) {
            log.warn("stopping block production failed", e);
        }
        if (network != null) {
            network.close();
        }
        store.close();
    }
}
