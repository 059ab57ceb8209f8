package io.gridchain.node;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.PayloadViews;
import io.gridchain.node.chain.BlockCertifier;
import io.gridchain.node.chain.ChainRules;
import io.gridchain.node.chain.DevBlockProducer;
import io.gridchain.node.chain.GenesisData;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.node.mempool.Mempool;
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
    private final DevBlockProducer producer;
    private final ApiServer api;

    private GridchainNode(ChainStore store, Ledger ledger, Mempool mempool, DevBlockProducer producer, ApiServer api) {
        this.store = store;
        this.ledger = ledger;
        this.mempool = mempool;
        this.producer = producer;
        this.api = api;
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
            return new GridchainNode(store, ledger, mempool, producer, api);
        } catch (RuntimeException e) {
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

    @Override
    public void close() {
        api.close();
        producer.close();
        store.close();
    }
}
