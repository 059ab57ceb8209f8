package io.gridchain.node;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.tx.Transaction;
import io.gridchain.identity.auth.TokenKeys;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.JsonViews;
import io.gridchain.node.api.GovernanceRoutes;
import io.gridchain.node.api.NetRoutes;
import io.gridchain.node.api.PayloadViews;
import io.gridchain.node.api.Problem;
import io.gridchain.node.api.ProblemException;
import io.gridchain.node.api.StateProofs;
import io.gridchain.node.api.capacity.CapacityRoutes;
import io.gridchain.node.api.console.BlockFeed;
import io.gridchain.node.api.console.ConsoleRoutes;
import io.gridchain.node.api.events.EventRoutes;
import io.gridchain.node.api.identity.IdentityRoutes;
import io.gridchain.node.api.oauth.OAuthRoutes;
import io.gridchain.node.bft.ConsensusDriver;
import io.gridchain.node.bft.DriverRuntime;
import io.gridchain.node.mempool.TransactionRelay;
import io.gridchain.node.bft.ValidatorNetwork;
import io.gridchain.node.chain.BlockCertifier;
import io.gridchain.node.chain.ChainRules;
import io.gridchain.node.chain.DevBlockProducer;
import io.gridchain.node.chain.GenesisData;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.config.NetworkConfig;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.node.events.LeaseEventFeed;
import io.gridchain.node.mempool.Admission;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import io.gridchain.node.oauth.AuthorizationServer;
import io.gridchain.node.oauth.TokenKeyFile;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.KeyValueStore;
import io.gridchain.node.storage.leveldb.LevelDbKeyValueStore;
import io.gridchain.p2p.P2PNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: storage, ledger, mempool, API, and what makes blocks — the single validator's
 * producer of a dev chain ({@link #start}), or the libp2p host with the Tendermint driver of a
 * validator network ({@link #startNetworked}).
 */
public final class GridchainNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GridchainNode.class);

    private final Core core;
    private final AutoCloseable blockMaker;
    private final ApiServer api;
    private final P2PNetwork network;

    private GridchainNode(Core core, AutoCloseable blockMaker, ApiServer api, P2PNetwork network) {
        this.core = core;
        this.blockMaker = blockMaker;
        this.api = api;
        this.network = network;
    }

    /** What every node has, whatever makes its blocks. */
    private record Core(ChainStore store, Ledger ledger, Mempool mempool, NodeMetrics metrics, LeaseEventFeed feed,
                        BlockFeed blocks, KeyValueStore oauthIds) {
        static Core open(NodeConfig config, GenesisData genesis, Clock clock) {
            try {
                Files.createDirectories(config.chainDir());
                Files.createDirectories(config.oauthDir());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + config.chainDir() + ": " + e.getMessage(), e);
            }
            ChainStore store = new ChainStore(LevelDbKeyValueStore.open(config.chainDir().toFile()), 1 << 20);
            try {
                BlockExecutor executor = ChainRules.standard();
                Ledger ledger = Ledger.open(store, genesis, executor);
                NodeMetrics metrics = new NodeMetrics();
                metrics.setHeight(ledger.head().height());
                Mempool mempool = new Mempool(executor.transactions(), ledger::state,
                        () -> new BlockInfo(ledger.chainId(), ledger.head().height() + 1, clock.millis(),
                                Address.of(new byte[20]), ledger.params()), config.mempoolLimits());
                metrics.watchMempool(mempool::size, mempool::sizeInBytes);
                LeaseEventFeed feed = new LeaseEventFeed(ledger);
                ledger.addListener(feed);
                BlockFeed blocks = new BlockFeed(ledger, mempool::size);
                ledger.addListener(blocks);
                return new Core(store, ledger, mempool, metrics, feed, blocks, LevelDbKeyValueStore.open(config.oauthDir().toFile()));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }

        void close() {
            feed.close();
            blocks.close();
            store.close();
            oauthIds.close();
        }
    }

    public static GridchainNode start(NodeConfig config, GenesisData genesis, SigningKey validatorKey,
                                      BlockCertifier certifier, Clock clock) {
        Core core = Core.open(config, genesis, clock);
        try {
            requireSoleValidator(core.ledger(), validatorKey.address());
            DevBlockProducer producer = new DevBlockProducer(core.ledger(), core.mempool(), validatorKey.address(), certifier,
                    clock, config.blockTime(), core.metrics());
            ApiServer api = startApi(config, core, clock, List.of(), Map::of, tx -> {});
            producer.start();
            log.info("chain {} at height {}, API on http://{}:{}", core.ledger().chainId(), core.ledger().head().height(),
                    config.apiHost(), api.port());
            return new GridchainNode(core, producer, api, null);
        } catch (RuntimeException e) {
            core.close();
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
        Core core = Core.open(config, genesis, clock);
        P2PNetwork network = null;
        try {
            Ledger ledger = core.ledger();
            network = ValidatorNetwork.start(key, net);
            TransactionRelay relay = new TransactionRelay(network, ledger.chainId(), core.mempool(),
                    () -> ledger.params().maxTransactionBytes());
            ConsensusDriver driver = new ConsensusDriver(ledger, core.mempool(), network, key, net.timeouts(),
                    config.blockTime(), core.metrics(), ownTransactions(core.mempool(), relay),
                    DriverRuntime.onDisk(config.dataDir(), clock, net.testOnlyByzantine()));
            NetRoutes netRoutes = new NetRoutes(ledger, network, driver::syncing, driver::targetHeight,
                    driver::progress);
            ApiServer api = startApi(config, core, clock, List.of(netRoutes),
                    () -> netRoutes.statusFields(ledger.validators().contains(key.address())), relay::publish);
            driver.start();
            log.info("chain {} at height {} as {} {}; API on http://{}:{}, libp2p on {}", ledger.chainId(),
                    ledger.head().height(), ledger.validators().contains(key.address()) ? "validator" : "observer",
                    key.address(), config.apiHost(), api.port(), network.listenAddresses());
            log.info("signatures recovered with {}", io.gridchain.core.crypto.Secp256k1Backend.backend());
            AutoCloseable consensus = () -> {
                driver.close();
                relay.close();
            };
            return new GridchainNode(core, consensus, api, network);
        } catch (RuntimeException e) {
            if (network != null) {
                network.close();
            }
            core.close();
            throw e;
        }
    }

    /** Transactions the node makes itself (evidence): admitted here, then gossiped. */
    private static Consumer<Transaction> ownTransactions(Mempool mempool, TransactionRelay relay) {
        return tx -> {
            Admission admission = mempool.add(tx);
            if (admission instanceof Admission.Refused refused) {
                log.warn("the node's own {} transaction was refused: {}", tx.kind(), refused.rejection().detail());
            } else {
                relay.publish(tx);
            }
        };
    }

    /**
     * The API with the identity, OAuth, capacity and event routes. The OAuth issuer is the public URL,
     * which by default names the bound port, so the authorization server is made once the API is bound
     * (port 0 picks one); until then, which is only while starting, its routes answer 503.
     */
    private static ApiServer startApi(NodeConfig config, Core core, Clock clock, List<ApiServer.Routes> more,
                                      Supplier<Map<String, Object>> statusExtras, Consumer<Transaction> relay) {
        Ledger ledger = core.ledger();
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
        List<ApiServer.Routes> routes = new ArrayList<>(List.of(new IdentityRoutes(ledger, proofs), new OAuthRoutes(server),
                new CapacityRoutes(ledger, proofs, server, clock), new EventRoutes(core.feed()), new GovernanceRoutes(ledger)));
        routes.addAll(more);
        routes.add(new ConsoleRoutes(ledger, core.mempool(), core.blocks(), server, clock, statusExtras));
        ApiServer api = ApiServer.start(config.apiHost(), config.apiPort(), ledger, core.mempool(), core.metrics(), payloads,
                routes, withBlockTimes(config, ledger, statusExtras), relay, config.apiLimits());
        auth.set(new AuthorizationServer(config.publicBaseUrl(api.port()), ledger.chainId(), keys, core.oauthIds(), ledger::state,
                clock));
        return api;
    }

    /**
     * The block time this node paces its proposals by (its --block-time, or the chain's parameter as it
     * was when the node started) next to the chain's parameter now. The node's own wins: block times are
     * not checked by other validators (only timestamps against the clock drift bound), so each proposer
     * paces its rounds by its own setting, and a governance change of the parameter reaches a node at its
     * next start without --block-time.
     */
    private static Supplier<Map<String, Object>> withBlockTimes(NodeConfig config, Ledger ledger,
                                                                Supplier<Map<String, Object>> extras) {
        return () -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("blockTimeMillis", config.blockTime().toMillis());
            m.put("targetBlockTimeMillis", ledger.params().targetBlockTimeMillis());
            m.putAll(extras.get());
            return m;
        };
    }

    private static void requireSoleValidator(Ledger ledger, Address key) {
        if (!ledger.validators().contains(key)) {
            throw new IllegalStateException("the key " + key + " is not a validator of chain " + ledger.chainId());
        }
        if (ledger.validators().size() != 1) {
            throw new IllegalStateException("this node runs a single-validator chain; the genesis has "
                    + ledger.validators().size() + " validators");
        }
    }

    public Ledger ledger() {
        return core.ledger();
    }

    public Mempool mempool() {
        return core.mempool();
    }

    public int apiPort() {
        return api.port();
    }

    /** The API's routes, as "GET /v1/status". */
    public List<String> apiRoutes() {
        return api.routes();
    }

    public Optional<P2PNetwork> network() {
        return Optional.ofNullable(network);
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
        core.close();
    }
}
