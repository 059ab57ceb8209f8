package io.gridchain.node.bft;

import io.gridchain.consensus.EngineState;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.signing.InMemorySignGuardStore;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.core.validator.Validator;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.node.chain.ChainRules;
import io.gridchain.node.chain.GenesisData;
import io.gridchain.node.chain.GenesisLoader;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.config.NetworkConfig;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.InMemoryKeyValueStore;
import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.memory.InMemoryHub;
import io.gridchain.p2p.memory.InMemoryP2PNetwork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Four validators running the real {@link ConsensusDriver} (its gossip, block host, importer, WAL
 * and signing guard, each node with its own ledger and mempool) over the in-memory network, all on
 * one seeded scheduler: message delays, reorders and losses, crashes of any honest validator at any
 * moment and at the driver's crash points, and one Byzantine validator. What a disk keeps (the store,
 * the WAL, the guard) survives a crash; everything else is made anew. After the chaos the network
 * stabilises (everyone up, nothing lost) and the checker looks for a fork, a double signature, a
 * block time beyond the honest clocks, and a halt.
 */
final class NodeSimulation {
    static final long CHAIN_ID = 5151;
    private static final long START_MILLIS = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    private static final Duration BLOCK_TIME = Duration.ofMillis(300);
    private static final long MAX_SKEW_MILLIS = 300;
    static final int VALIDATORS = 4;

    /** What a run may change: the faults, and defects the checker must catch when brought back. */
    record Options(long chaosMillis, double dropRate, double crashRate, boolean byzantine, boolean legacyWalCut,
                   long maxClockDriftMillis) {
        static final Options DEFAULT = new Options(6_000, 0.05, 0.02, true, false,
                ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MILLIS);

        Options withLegacyWalCut() {
            return new Options(chaosMillis, dropRate, crashRate, byzantine, true, maxClockDriftMillis);
        }

        Options withMaxClockDrift(long millis) {
            return new Options(chaosMillis, dropRate, crashRate, byzantine, legacyWalCut, millis);
        }
    }

    record Violation(String kind, String detail) {}

    /** What a run found; {@code replay} is the command that runs this seed again. */
    record Result(long seed, List<Violation> violations, long heights, int crashes, Set<ByzantineBehaviour> byzantine,
                  String replay) {
        boolean ok() {
            return violations.isEmpty();
        }
    }

    private final long seed;
    private final Options options;
    private final Random random;
    private final SimScheduler scheduler = new SimScheduler(START_MILLIS);
    private final InMemoryHub hub;
    private final GenesisData genesis;
    private final List<SimNode> nodes = new ArrayList<>();
    private final int byzantineIndex;
    private final Set<ByzantineBehaviour> faults;
    private final Map<Address, Map<String, Hash32>> signed = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private final SigningKey funded;
    private final InMemoryP2PNetwork spy;
    private boolean stable;
    private int crashes;
    private long nonce;

    private NodeSimulation(long seed, Options options) {
        this.seed = seed;
        this.options = options;
        this.random = new Random(seed);
        this.hub = new InMemoryHub(task -> scheduler.after(1 + random.nextInt(40), task), this::drops);
        List<Validator> validators = new ArrayList<>();
        List<SigningKey> keys = new ArrayList<>();
        for (int i = 0; i < VALIDATORS; i++) {
            SigningKey k = key(random);
            keys.add(k);
            validators.add(new Validator(k.address(), k.compressedPublicKey(), 10));
        }
        funded = key(random);
        ChainParams base = ChainParams.DEFAULTS;
        ChainParams params = new ChainParams(BLOCK_TIME.toMillis(), base.maxBlockBytes(), base.maxTransactionBytes(),
                base.minFee(), options.maxClockDriftMillis());
        genesis = GenesisLoader.fromDocument(new GenesisDocument(CHAIN_ID, Instant.ofEpochMilli(START_MILLIS - 1_000),
                validators, List.of(new GenesisDocument.Balance(funded.address(), 1_000_000_000_000L)), params));
        byzantineIndex = options.byzantine() ? random.nextInt(VALIDATORS) : -1;
        faults = options.byzantine() ? pickFaults() : Set.of();
        for (int i = 0; i < VALIDATORS; i++) {
            nodes.add(new SimNode(i, keys.get(i), i == byzantineIndex ? faults : Set.of(),
                    random.nextLong(-MAX_SKEW_MILLIS / 2, MAX_SKEW_MILLIS / 2 + 1)));
        }
        spy = hub.newNode(peerId(99));
        spy.subscribe(ConsensusDriver.voteTopic(CHAIN_ID), this::sawVote);
        spy.subscribe(ConsensusDriver.proposalTopic(CHAIN_ID), m -> ValidationResult.IGNORE);
    }

    private Set<ByzantineBehaviour> pickFaults() {
        Set<ByzantineBehaviour> picked = EnumSet.noneOf(ByzantineBehaviour.class);
        for (ByzantineBehaviour b : ByzantineBehaviour.values()) {
            if (random.nextBoolean()) {
                picked.add(b);
            }
        }
        if (picked.isEmpty()) {
            picked.add(ByzantineBehaviour.values()[random.nextInt(ByzantineBehaviour.values().length)]);
        }
        return picked;
    }

    static Result run(long seed, Options options) {
        return new NodeSimulation(seed, options).run();
    }

    private Result run() {
        nodes.forEach(SimNode::start);
        scheduleTransfers();
        scheduleCrashes();
        scheduler.runUntil(START_MILLIS + options.chaosMillis(), () -> false, 5_000_000);
        stable = true;
        nodes.stream().filter(n -> !n.up()).forEach(SimNode::start);
        long goal = honest().stream().mapToLong(n -> n.ledger.head().height()).max().orElse(0) + 3;
        long deadline = scheduler.now() + 60_000;
        scheduler.runUntil(deadline, () -> honest().stream().allMatch(n -> n.ledger.head().height() >= goal), 5_000_000);
        List<SimNode> behind = honest().stream().filter(n -> n.ledger.head().height() < goal).toList();
        if (!behind.isEmpty()) {
            violations.add(new Violation("LIVENESS", "60 s after the network stabilised, honest validators "
                    + behind.stream().map(n -> n.index + " at " + n.ledger.head().height()).toList() + " had not reached height " + goal
                    + "; engines " + honest().stream().map(n -> n.index + ": " + n.driver.progress()).toList()));
        }
        checkAgreement();
        long heights = honest().stream().mapToLong(n -> n.ledger.head().height()).min().orElse(0);
        Result result = new Result(seed, List.copyOf(violations), heights, crashes, faults,
                "./mvnw -B -o -pl chain-node -am -Dtest=NodeSimulationTest#replay -Dsim.seed=" + seed
                        + " -Dsurefire.failIfNoSpecifiedTests=false test");
        nodes.forEach(SimNode::stop);
        return result;
    }

    private List<SimNode> honest() {
        return nodes.stream().filter(n -> n.index != byzantineIndex).toList();
    }

    private boolean drops(PeerId from, PeerId to, String topic) {
        return !stable && !to.equals(spy.localPeerId()) && random.nextDouble() < options.dropRate();
    }

    /** A transfer every 100 ms to every running node's mempool, as if gossiped. */
    private void scheduleTransfers() {
        scheduler.after(100, () -> {
            if (scheduler.now() < START_MILLIS + options.chaosMillis() + 30_000) {
                Transaction tx = new UnsignedTransaction(CHAIN_ID, nonce++, 1_000,
                        new Transfer(Address.of(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7}), 1))
                        .signWith(funded);
                nodes.stream().filter(SimNode::up).forEach(n -> n.mempool.add(tx));
                scheduleTransfers();
            }
        });
    }

    /** Now and then during the chaos, a running honest validator is killed, when no other honest one is down. */
    private void scheduleCrashes() {
        scheduler.after(200 + random.nextInt(1_500), () -> {
            if (stable) {
                return;
            }
            List<SimNode> up = honest().stream().filter(SimNode::up).toList();
            if (up.size() == honest().size()) {
                SimNode victim = up.get(random.nextInt(up.size()));
                victim.kill();
            }
            scheduleCrashes();
        });
    }

    private ValidationResult sawVote(GossipMessage m) {
        ConsensusMessage decoded = ConsensusMessage.decode(m.data(), 1 << 20, h -> null);
        if (decoded instanceof ConsensusMessage.VoteMessage v) {
            recordVote(v.vote());
        }
        return ValidationResult.IGNORE;
    }

    /** No double signature: an honest validator signs one value per height, round and step, whatever crashed. */
    private void recordVote(SignedVote v) {
        if (byzantineIndex >= 0 && v.validator().equals(nodes.get(byzantineIndex).key.address())) {
            return;
        }
        String slot = v.vote().type() + "@" + v.vote().height() + "/" + v.vote().round();
        Hash32 value = v.vote().value() == null ? Hash32.ZERO : v.vote().value();
        Hash32 before = signed.computeIfAbsent(v.validator(), a -> new HashMap<>()).putIfAbsent(slot, value);
        if (before != null && !before.equals(value)) {
            violations.add(new Violation("DOUBLE_SIGN", "validator " + v.validator() + " signed two values for " + slot));
        }
    }

    /** One block per height: every honest store holds the same block at every height they share. */
    private void checkAgreement() {
        long lowest = honest().stream().mapToLong(n -> n.ledger.head().height()).min().orElse(0);
        for (long h = 1; h <= lowest; h++) {
            Hash32 first = null;
            for (SimNode n : honest()) {
                Hash32 hash = n.store.block(h).orElseThrow().hash();
                if (first == null) {
                    first = hash;
                } else if (!first.equals(hash)) {
                    violations.add(new Violation("AGREEMENT", "two blocks at height " + h + ": " + first + " and " + hash));
                    return;
                }
            }
        }
    }

    private static SigningKey key(Random random) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        raw[0] = (byte) ((raw[0] & 0x7f) | 1); // below the curve order, never zero
        return SigningKey.fromPrivateKey(raw);
    }

    private static PeerId peerId(int index) {
        byte[] raw = new byte[32];
        raw[31] = (byte) (index + 1);
        return PeerId.fromPublicKey(PrivateKey.fromRaw(KeyType.SECP256K1, raw).publicKey());
    }

    /** One validator: what its disk keeps, and the incarnation running now. */
    private final class SimNode {
        final int index;
        final SigningKey key;
        final Set<ByzantineBehaviour> byzantine;
        final long skewMillis;
        final InMemoryKeyValueStore disk = new InMemoryKeyValueStore();
        final MemoryConsensusLog wal;
        final InMemorySignGuardStore guard = new InMemorySignGuardStore();
        final PeerId peerId;
        SimLoop loop;
        InMemoryP2PNetwork network;
        ChainStore store;
        Ledger ledger;
        Mempool mempool;
        ConsensusDriver driver;
        EngineState atKill;

        SimNode(int index, SigningKey key, Set<ByzantineBehaviour> byzantine, long skewMillis) {
            this.index = index;
            this.key = key;
            this.byzantine = byzantine;
            this.skewMillis = skewMillis;
            this.peerId = peerId(index);
            this.wal = new MemoryConsensusLog(options.legacyWalCut(), scheduler::eventNumber);
            if (Integer.getInteger("sim.trace", -1) == index) {
                wal.trace = input -> System.out.println("TRACE " + scheduler.now() % 100_000 + " node " + index + " "
                        + (up() ? "" : "(down) ") + input);
            }
        }

        boolean up() {
            return loop != null && loop.alive();
        }

        void start() {
            var clock = scheduler.clock(skewMillis);
            store = new ChainStore(disk, 1 << 20);
            ledger = Ledger.open(store, genesis, ChainRules.standard());
            ledger.addListener(height -> checkBlockTime(this, height));
            mempool = new Mempool(ChainRules.standard().transactions(), ledger::state,
                    () -> new BlockInfo(CHAIN_ID, ledger.head().height() + 1, clock.millis(), Address.of(new byte[20]),
                            ledger.params()), Mempool.Limits.DEFAULT);
            network = hub.newNode(peerId);
            loop = new SimLoop(scheduler, this::crash);
            EngineState before = atKill;
            atKill = null;
            CrashPoint.Probe probe = point -> {
                if (!stable && byzantine.isEmpty() && random.nextDouble() < options.crashRate() && othersUp()) {
                    throw new SimLoop.SimulatedCrash();
                }
            };
            driver = new ConsensusDriver(ledger, mempool, network, key, NetworkConfig.LAN_TIMEOUTS, BLOCK_TIME,
                    new NodeMetrics(), tx -> mempool.add(tx),
                    new DriverRuntime(loop, wal, guard, clock, probe, byzantine));
            driver.start();
            if (before != null) {
                loop.execute(() -> checkReplay(before)); // runs right after the WAL replay the start queued
            }
            network.dial(spy.listenAddresses().get(0));
            for (SimNode other : nodes) {
                if (other != this && other.up()) {
                    network.dial(other.network.listenAddresses().get(0));
                }
            }
        }

        private boolean othersUp() {
            return honest().stream().filter(n -> n != this).allMatch(SimNode::up);
        }

        /**
         * The WAL rule: replaying the log of a height rebuilds the engine exactly as it was when the node
         * was killed between two steps (lock, valid value, round and step).
         */
        private void checkReplay(EngineState before) {
            EngineState after = driver.progress();
            if (after.height() == before.height() && !after.equals(before)) {
                violations.add(new Violation("WAL_REPLAY", "validator " + index + " killed at " + before
                        + " came back as " + after));
            }
        }

        /** A kill between two steps of the loop: the engine's state then is what replay must rebuild. */
        void kill() {
            atKill = driver.progress();
            crash();
        }

        /** A crash: the loop stops where it is, the connections drop; the disk stays. */
        void crash() {
            if (!up()) {
                return;
            }
            crashes++;
            loop.close();
            network.close();
            if (!stable) {
                scheduler.after(200 + random.nextInt(2_800), () -> {
                    if (!up()) {
                        start();
                    }
                });
            }
        }

        void stop() {
            if (loop != null) {
                loop.close();
            }
            if (network != null) {
                network.close();
            }
        }
    }

    /** A committed block's time is at most the drift bound (and the clocks' spread) ahead of an honest clock. */
    private void checkBlockTime(SimNode node, long height) {
        if (node.index == byzantineIndex) {
            return;
        }
        long ahead = node.store.block(height).orElseThrow().header().timestampMillis() - (scheduler.now() + node.skewMillis);
        long bound = ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MILLIS + MAX_SKEW_MILLIS;
        if (ahead > bound) {
            violations.add(new Violation("BLOCK_TIME", "block " + height + " committed by validator " + node.index + " is "
                    + ahead + " ms ahead of its clock (bound " + bound + " ms)"));
        }
    }

    static Optional<Long> seedProperty() {
        return Optional.ofNullable(System.getProperty("sim.seed")).map(Long::parseLong);
    }
}
