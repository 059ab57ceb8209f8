package io.gridchain.node;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.auth.TokenKeys;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.JsonViews;
import io.gridchain.node.api.StateProofs;
import io.gridchain.node.api.capacity.CapacityRoutes;
import io.gridchain.node.api.events.EventRoutes;
import io.gridchain.node.api.identity.IdentityRoutes;
import io.gridchain.node.api.oauth.OAuthRoutes;
import io.gridchain.node.events.LeaseEventFeed;
import io.gridchain.node.oauth.AuthorizationServer;
import io.gridchain.node.oauth.TokenKeyFile;
import java.net.InetAddress;
import java.net.ServerSocket;
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
    private final LeaseEventFeed feed;

    private GridchainNode(ChainStore store, Ledger ledger, Mempool mempool, DevBlockProducer producer, ApiServer api,
                          LeaseEventFeed feed) {
        this.feed = feed;
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
        LeaseEventFeed feed = null;
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
            feed = new LeaseEventFeed(ledger);
            ledger.addListener(feed);
            ApiServer api = startApi(config, ledger, mempool, metrics, clock, feed);
            producer.start();
            log.info("chain {} at height {}, API on http://{}:{}", ledger.chainId(), ledger.head().height(),
                    config.apiHost(), api.port());
            return new GridchainNode(store, ledger, mempool, producer, api, feed);
        } catch (RuntimeException e) {
            if (feed != null) {
                feed.close();
            }
            store.close();
            throw e;
        }
    }

    /**
     * The API with the identity, OAuth, capacity and event routes. The OAuth issuer is the public URL,
     * which by default names the bound port, so the server binds first (port 0 picks one) and the
     * routes are added before it answers anything that needs them.
     */
    private static ApiServer startApi(NodeConfig config, Ledger ledger, Mempool mempool, NodeMetrics metrics,
                                      Clock clock, LeaseEventFeed feed) {
        PayloadViews payloads = PayloadViews.standard();
        StateProofs proofs = new StateProofs(ledger, new JsonViews(payloads));
        TokenKeys keys = TokenKeyFile.loadOrCreate(config.oauthKeyFile());
        int port = config.apiPort() == 0 ? freePort(config.apiHost()) : config.apiPort();
        AuthorizationServer auth = new AuthorizationServer(config.publicBaseUrl(port), ledger.chainId(), keys,
                ledger::state, clock);
        return ApiServer.start(config.apiHost(), port, ledger, mempool, metrics, payloads, List.of(
                new IdentityRoutes(ledger, proofs), new OAuthRoutes(auth), new CapacityRoutes(ledger, proofs, auth, clock),
                new EventRoutes(feed)));
    }

    private static int freePort(String host) {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + host + ": " + e.getMessage(), e);
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
        feed.close();
        store.close();
    }
}
