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
import io.gridchain.node.api.Problem;
import io.gridchain.node.api.ProblemException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
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
     * which by default names the bound port, so the authorization server is made once the API is bound
     * (port 0 picks one); until then, which is only while starting, its routes answer 503.
     */
    private static ApiServer startApi(NodeConfig config, Ledger ledger, Mempool mempool, NodeMetrics metrics,
                                      Clock clock, LeaseEventFeed feed) {
        PayloadViews payloads = PayloadViews.standard();
        StateProofs proofs = new StateProofs(ledger, new JsonViews(payloads));
        TokenKeys keys = TokenKeyFile.loadOrCreate(config.oauthKeyFile());
        AtomicReference<AuthorizationServer> auth = new AtomicReference<>();
        Supplier<AuthorizationServer> server = () -> {
            AuthorizationServer s = auth.get();
            if (s == null) {
                throw new ProblemException(new Problem(503, "starting", "Starting", "the node is still starting"));
            }
            return s;
        };
        ApiServer api = ApiServer.start(config.apiHost(), config.apiPort(), ledger, mempool, metrics, payloads, List.of(
                new IdentityRoutes(ledger, proofs), new OAuthRoutes(server), new CapacityRoutes(ledger, proofs, server, clock),
                new EventRoutes(feed)));
        auth.set(new AuthorizationServer(config.publicBaseUrl(api.port()), ledger.chainId(), keys, ledger::state, clock));
        return api;
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
