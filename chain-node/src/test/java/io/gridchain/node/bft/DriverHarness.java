package io.gridchain.node.bft;

import io.gridchain.consensus.EngineState;
import io.gridchain.consensus.ProposerSchedule;
import io.gridchain.consensus.TimeoutConfig;
import io.gridchain.consensus.certificate.CommitCertificates;
import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.validator.Validator;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.node.chain.ChainRules;
import io.gridchain.node.chain.GenesisData;
import io.gridchain.node.chain.GenesisLoader;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.chain.PreparedBlock;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.leveldb.LevelDbKeyValueStore;
import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.memory.InMemoryHub;
import io.gridchain.p2p.memory.InMemoryP2PNetwork;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * One real {@link ConsensusDriver} (validator "me", with its real LevelDB store, WAL and signing guard
 * in a temporary directory) on an in-memory network, and the test playing the other three validators:
 * it builds real blocks on a ledger of its own, signs their proposals and votes, and sees every vote
 * the driver sends. A crash is closing the driver and starting another on the same directory.
 */
final class DriverHarness implements AutoCloseable {
    static final long CHAIN_ID = 4343;
    static final TimeoutConfig SLOW_TIMEOUTS = new TimeoutConfig(20_000, 0, 20_000, 0, 20_000, 0);

    final List<SigningKey> keys = new ArrayList<>();
    final SigningKey funded;
    final int me;
    final String chainId = Long.toString(CHAIN_ID);
    private final GenesisData genesis;
    private final Path dir;
    private final InMemoryHub hub = new InMemoryHub();
    private final InMemoryP2PNetwork others = hub.newNode();
    private final ChainStore store;
    private final ChainStore othersStore;
    final Ledger ledger;
    final Ledger othersLedger;
    final Mempool mempool;
    private final Duration blockTime;
    private final Clock clock;
    private InMemoryP2PNetwork network;
    private ConsensusDriver driver;
    private final Topic proposalTopic;
    private final Topic voteTopic;
    final List<SignedVote> sent = new CopyOnWriteArrayList<>();
    private final ProposerSchedule schedule;

    DriverHarness(Path dir, Duration blockTime, Clock clock) {
        this.dir = dir;
        this.blockTime = blockTime;
        this.clock = clock;
        SecureRandom random = new SecureRandom();
        funded = SigningKey.random(random);
        List<Validator> validators = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SigningKey k = SigningKey.random(random);
            keys.add(k);
            validators.add(new Validator(k.address(), k.compressedPublicKey(), 10));
        }
        genesis = GenesisLoader.fromDocument(new GenesisDocument(CHAIN_ID, Instant.parse("2026-11-22T00:00:00Z"),
                validators, List.of(new GenesisDocument.Balance(funded.address(), 1_000_000_000_000L)), ChainParams.DEFAULTS));
        store = new ChainStore(LevelDbKeyValueStore.open(dir.resolve("me-chain").toFile()), 1 << 20);
        ledger = Ledger.open(store, genesis, ChainRules.standard());
        othersStore = new ChainStore(LevelDbKeyValueStore.open(dir.resolve("others-chain").toFile()), 1 << 20);
        othersLedger = Ledger.open(othersStore, genesis, ChainRules.standard());
        schedule = new ProposerSchedule(ledger.validators());
        // "me" proposes neither of the first two heights' round 0, so the test's proposals are the ones used
        int pick = 0;
        while (isProposer(keys.get(pick), 1) || isProposer(keys.get(pick), 2)) {
            pick++;
        }
        me = pick;
        mempool = new Mempool(ChainRules.standard().transactions(), ledger::state,
                () -> new BlockInfo(CHAIN_ID, ledger.head().height() + 1, clock.millis(), Address.of(new byte[20]),
                        ledger.params()), Mempool.Limits.DEFAULT);
        voteTopic = others.subscribe(ConsensusDriver.voteTopic(CHAIN_ID), this::sawVote);
        proposalTopic = others.subscribe(ConsensusDriver.proposalTopic(CHAIN_ID), m -> ValidationResult.IGNORE);
    }

    private boolean isProposer(SigningKey key, long height) {
        return schedule.proposer(height, 0).equals(key.address());
    }

    SigningKey proposer(long height, int round) {
        Address a = schedule.proposer(height, round);
        return keys.stream().filter(k -> k.address().equals(a)).findFirst().orElseThrow();
    }

    /** The validators other than "me", the given one first. */
    List<SigningKey> othersStartingWith(SigningKey first) {
        List<SigningKey> out = new ArrayList<>(List.of(first));
        for (int i = 0; i < 4; i++) {
            if (i != me && !keys.get(i).equals(first)) {
                out.add(keys.get(i));
            }
        }
        return out;
    }

    private ValidationResult sawVote(GossipMessage m) {
        ConsensusMessage decoded = ConsensusMessage.decode(m.data(), 1 << 20, h -> null);
        if (decoded instanceof ConsensusMessage.VoteMessage v) {
            sent.add(v.vote());
        }
        return ValidationResult.IGNORE;
    }

    /** Starts (or, after {@link #crash}, restarts) the driver on the same data directory. */
    void startDriver() {
        try {
            java.nio.file.Files.createDirectories(dir.resolve("me"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        network = hub.newNode();
        network.dial(others.listenAddresses().get(0)).join();
        driver = new ConsensusDriver(ledger, mempool, network, keys.get(me), SLOW_TIMEOUTS, blockTime, new NodeMetrics(),
                tx -> {}, DriverRuntime.onDisk(dir.resolve("me"), clock, ByzantineBehaviour.none()));
        driver.start();
    }

    /** What a kill leaves: the WAL and guard as written (each append is synced); nothing in memory. */
    void crash() {
        driver.close();
        network.close();
    }

    EngineState progress() {
        return driver.progress();
    }

    /** A block for the height after the others' head, with {@code txs}, made at {@code timestampMillis}. */
    PreparedBlock build(SigningKey proposer, long timestampMillis, List<Transaction> txs) {
        long head = othersLedger.head().height();
        CommitCertificate last = head == 0 ? CommitCertificate.GENESIS : othersLedger.store().certificate(head).orElseThrow();
        return othersLedger.build(timestampMillis, proposer.address(), txs, last);
    }

    SignedProposal propose(SigningKey proposer, Block block, int round) {
        SignedProposal sp = new Proposal(chainId, block.height(), round, block.hash(), -1).signWith(proposer);
        publish(new ConsensusMessage.ProposalWithBlock(sp, block));
        return sp;
    }

    void publish(ConsensusMessage m) {
        (m instanceof ConsensusMessage.ProposalWithBlock ? proposalTopic : voteTopic).publish(ConsensusMessage.encode(m));
    }

    List<SignedVote> vote(MessageType type, long height, int round, Hash32 value, List<SigningKey> by) {
        List<SignedVote> out = new ArrayList<>();
        for (SigningKey k : by) {
            Vote v = type == MessageType.PREVOTE ? Vote.prevote(chainId, height, round, value)
                    : Vote.precommit(chainId, height, round, value);
            SignedVote sv = v.signWith(k);
            out.add(sv);
            publish(new ConsensusMessage.VoteMessage(sv));
        }
        return out;
    }

    /** The others commit {@code block} with their three precommits and send those to "me". */
    void decideByOthers(PreparedBlock block, SigningKey proposer, int round) {
        List<SignedVote> precommits = vote(MessageType.PRECOMMIT, block.block().height(), round, block.block().hash(),
                othersStartingWith(proposer));
        othersLedger.commit(block, CommitCertificates.of(precommits));
    }

    /** The first vote "me" sent of this type, height and round. */
    SignedVote awaitVote(MessageType type, long height, int round) throws InterruptedException {
        await("a " + type + " of height " + height + " round " + round + " from the driver", () -> find(type, height, round) != null);
        return find(type, height, round);
    }

    private SignedVote find(MessageType type, long height, int round) {
        for (SignedVote v : sent) {
            if (v.vote().type() == type && v.vote().height() == height && v.vote().round() == round
                    && v.validator().equals(keys.get(me).address())) {
                return v;
            }
        }
        return null;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Override
    public void close() {
        if (driver != null) {
            driver.close();
        }
        store.close();
        othersStore.close();
    }
}
