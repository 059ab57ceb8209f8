package io.gridchain.node.bft;

import io.gridchain.consensus.ConsensusEngine;
import io.gridchain.consensus.EngineConfig;
import io.gridchain.consensus.EngineState;
import io.gridchain.consensus.Input;
import io.gridchain.consensus.Output;
import io.gridchain.consensus.TimeoutConfig;
import io.gridchain.consensus.evidence.DuplicateVoteEvidence;
import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import java.util.function.Consumer;
import io.gridchain.consensus.certificate.CertificateCheck;
import io.gridchain.consensus.certificate.CommitCertificateVerifier;
import io.gridchain.consensus.message.MessageCheck;
import io.gridchain.consensus.message.MessageVerifier;
import io.gridchain.consensus.signing.DigestSigner;
import io.gridchain.consensus.signing.FileSignGuardStore;
import io.gridchain.consensus.signing.GuardedSigner;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.chain.PreparedBlock;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Tendermint engine for this node. Everything that changes consensus state happens on one
 * thread, in the order of one queue: gossip validators, timers and sync answers only enqueue. Each
 * input is written to the WAL before the engine sees it, and every signature goes through the
 * file-backed signing guard, so a crash at any point can neither lose a vote nor make a second one.
 */
public final class ConsensusDriver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsensusDriver.class);

    private final Ledger ledger;
    private final Mempool mempool;
    private final P2PNetwork network;
    private final SigningKey key;
    private final String chainId;
    private final Clock clock;
    private final Duration blockTime;
    private final NodeMetrics metrics;
    private final ConsensusEngine engine;
    private final WriteAheadLog wal;
    private final BlockSync sync;
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("consensus-timers"));
    private final Thread thread = daemon("consensus").newThread(this::run);
    /** Blocks of proposals the engine took in at this height (and our own): bounded as its rounds are. */
    private final Map<Hash32, Block> proposedBlocks = new ConcurrentHashMap<>();
    /** Values the engine asked us to check before their block was here: checked when one comes. */
    private final Set<Hash32> awaitingBlock = new HashSet<>();
    private static final int MAX_HELD_MESSAGES = 256;
    private static final int MAX_HELD_PROPOSALS = 4;
    /**
     * A proposal this many rounds or more beyond the engine's is not worth checking now (a block's
     * senders are recovered on arrival); its proposer re-sends it, and the engine gets there by the
     * f+1 rule first.
     */
    private static final int PROPOSAL_ROUND_WINDOW = 2;
    /**
     * Every validator re-executes a proposal before the prevote timeout (1 s on a LAN), so a proposal
     * holds at most this many transactions even when the mempool holds a large backlog: on a loaded
     * two-core machine a block of 30,000 transfers took longer to check than several rounds, each
     * round's proposal was as large, and the chain made no progress while the backlog grew.
     */
    static final int MAX_PROPOSAL_TRANSACTIONS = 2_000;
    /** Even a slow height leaves this long for the last precommits to arrive before the next begins. */
    private static final long MIN_PAUSE_MILLIS = 50;
    private static final long SLOW_BLOCK_MILLIS = 200;
    private volatile long heightStartedNanos = System.nanoTime();
    private volatile long proposalSeenNanos; // first proposal of the height, for the per-block log line
    private long checkedNanos;
    private final HeldMessages held = new HeldMessages(MAX_HELD_MESSAGES, MAX_HELD_PROPOSALS);
    private final Map<Hash32, PreparedBlock> prepared = new HashMap<>();
    private final Set<Hash32> committedValues = new HashSet<>();
    private volatile Topic proposalTopic;
    private volatile Topic voteTopic;
    private volatile boolean running = true;
    private List<ConsensusMessage> myMessages = new java.util.ArrayList<>();
    private final Consumer<Transaction> submit;
    private final boolean equivocate;
    private final Set<Hash32> reportedEvidence = new HashSet<>();

    /**
     * @param submit admits and gossips a transaction this node makes (evidence of equivocation)
     * @param equivocateForTesting sign a second, conflicting prevote each round: only for tests proving
     *     that an equivocating validator cannot fork the chain and gets its evidence recorded
     */
    public ConsensusDriver(Ledger ledger, Mempool mempool, P2PNetwork network, SigningKey key, Path dataDir,
                           TimeoutConfig timeouts, Duration blockTime, Clock clock, NodeMetrics metrics,
                           Consumer<Transaction> submit, boolean equivocateForTesting) {
        this.submit = submit;
        this.equivocate = equivocateForTesting;
        this.ledger = ledger;
        this.mempool = mempool;
        this.network = network;
        this.key = key;
        this.chainId = Long.toString(ledger.chainId());
        this.clock = clock;
        this.blockTime = blockTime;
        this.metrics = metrics;
        this.engine = new ConsensusEngine(new EngineConfig(chainId, timeouts),
                new GuardedSigner(DigestSigner.of(key), new FileSignGuardStore(dataDir.resolve("sign-guard.json"))));
        this.wal = new WriteAheadLog(dataDir.resolve("consensus.wal"));
        this.sync = new BlockSync(ledger, network, (peer, blocks) -> enqueueTask(() -> applySynced(peer, blocks)));
    }

    /** Proposals carry whole blocks; votes travel on their own topic so a large block never queues them. */
    public static String proposalTopic(long chainId) {
        return "/gridchain/" + chainId + "/proposals/1";
    }

    public static String voteTopic(long chainId) {
        return "/gridchain/" + chainId + "/votes/1";
    }

    public void start() {
        network.registerProtocol(new BlockSyncProtocol(ledger.store()));
        proposalTopic = network.subscribe(proposalTopic(ledger.chainId()), this::validateGossip);
        voteTopic = network.subscribe(voteTopic(ledger.chainId()), this::validateGossip);
        List<Input> logged = wal.open();
        long next = ledger.head().height() + 1;
        if (!logged.isEmpty() && logged.get(0) instanceof Input.StartHeight s && s.height() == next) {
            log.info("replaying {} consensus inputs of height {} from the WAL", logged.size(), next);
            enqueueTask(() -> logged.forEach(this::replay));
        } else {
            enqueueTask(this::startNextHeight);
        }
        thread.start();
        timers.scheduleWithFixedDelay(() -> enqueueTask(this::rebroadcast), 1, 1, TimeUnit.SECONDS);
        timers.scheduleWithFixedDelay(sync::tick, 500, 500, TimeUnit.MILLISECONDS);
    }

    private volatile EngineState progress = new EngineState(0, 0, null, null, -1, null, -1);

    public boolean syncing() {
        return sync.targetHeight() > ledger.head().height() + 1;
    }

    public long targetHeight() {
        return Math.max(sync.targetHeight(), ledger.head().height());
    }

    private void run() {
        while (running) {
            try {
                queue.take().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("consensus step failed", e);
            }
        }
    }

    void enqueueTask(Runnable task) {
        queue.add(task);
    }

    private void enqueue(Input input) {
        enqueueTask(() -> process(input));
    }

    /**
     * The one way an input reaches the engine: dropped when the engine says it would change nothing
     * (a duplicate, a stale timeout, a far round), so that costs no disk sync; otherwise logged, then
     * applied.
     */
    private void process(Input input) {
        if (!(input instanceof Input.StartHeight) && !engine.admits(input)) {
            return;
        }
        wal.append(input);
        apply(input);
    }

    /** An input from the WAL: it was logged, so it is applied as it was. */
    private void replay(Input input) {
        apply(input);
    }

    private void apply(Input input) {
        carryOut(engine.apply(input));
        EngineState now = engine.state();
        if (now.round() > 0 && (now.height() != progress.height() || now.round() != progress.round())) {
            log.info("height {} moved to round {} ({})", now.height(), now.round(), describe(input));
        }
        progress = now;
    }

    private static String describe(Input input) {
        if (input instanceof Input.TimeoutExpired t) {
            return t.kind().name().toLowerCase(java.util.Locale.ROOT) + " timeout of round " + t.round();
        }
        return "votes of a later round";
    }

    /** Height, round and step of the engine as of its last input; read by the API from other threads. */
    public EngineState progress() {
        return progress;
    }

    /**
     * Decodes, checks the signature against this height's validators, and hands the message to the
     * consensus thread. Messages of the height after it (a faster peer already moved on) cannot be
     * checked yet, since their validator set is not known: they are held, unverified, until their height
     * starts; waiting for their re-sending would cost a second per height. Neither raises the height
     * block sync aims for: a message nobody checked could make the node report "syncing" forever.
     */
    private ValidationResult validateGossip(GossipMessage message) {
        ConsensusMessage m;
        try {
            if (message.data().length > ledger.params().maxBlockBytes() + MAX_PROPOSAL_OVERHEAD) {
                return ValidationResult.REJECT;
            }
            m = ConsensusMessage.decode(message.data(), ledger.params().maxTransactionBytes(), proposedBlocks::get);
        } catch (RlpException | IllegalArgumentException e) {
            return ValidationResult.REJECT;
        }
        long height = HeldMessages.heightOf(m);
        long next = ledger.head().height() + 1;
        if (height == next + 1) {
            if (m instanceof ConsensusMessage.ProposalWithBlock p && !matches(p)) {
                return ValidationResult.REJECT;
            }
            enqueueTask(() -> held.add(m, false));
            return ValidationResult.IGNORE;
        }
        return height == next ? admit(m) : ValidationResult.IGNORE;
    }

    /** Room for the proposal's own fields and signature around a block of the largest size. */
    private static final int MAX_PROPOSAL_OVERHEAD = 64 * 1024;

    /** The block is the proposal's value and its body is the one its header commits to. */
    private static boolean matches(ConsensusMessage.ProposalWithBlock p) {
        return p.block().hash().equals(p.proposal().proposal().value()) && p.block().bodyMismatch().isEmpty();
    }

    /**
     * Checks a message of the height after the head and passes it to the consensus thread. A proposal's
     * block must be the proposal's value with the body its header commits to: anyone relaying a signed
     * proposal can change the body, and a changed body is dropped here, never kept, so the real one
     * arriving later is the one checked.
     */
    private ValidationResult admit(ConsensusMessage m) {
        if (m instanceof ConsensusMessage.ProposalWithBlock p) {
            if (p.proposal().proposal().round() >= progress.round() + PROPOSAL_ROUND_WINDOW
                    && p.proposal().proposal().height() == progress.height()) {
                return ValidationResult.IGNORE;
            }
            boolean known = proposedBlocks.get(p.block().hash()) == p.block(); // decoded as the block we keep
            if (!known && !matches(p)) {
                return ValidationResult.REJECT;
            }
            MessageCheck check = MessageVerifier.SECP256K1.verify(p.proposal(), chainId, ledger.validators());
            if (!check.isValid()) {
                return ValidationResult.REJECT;
            }
            Block block = known ? p.block() : withKnownSenders(p.block());
            enqueueTask(() -> deliver(p.proposal(), block));
            // a known block's bytes went undecoded (we have the block): do not vouch for them to others
            return known ? ValidationResult.IGNORE : ValidationResult.ACCEPT;
        }
        ConsensusMessage.VoteMessage v = (ConsensusMessage.VoteMessage) m;
        MessageCheck check = MessageVerifier.SECP256K1.verify(v.vote(), chainId, ledger.validators());
        if (!check.isValid()) {
            return ValidationResult.REJECT;
        }
        enqueueTask(() -> deliver(v));
        return ValidationResult.ACCEPT;
    }

    /** On the consensus thread: a checked proposal goes to the engine, or is held if its height has not started. */
    private void deliver(io.gridchain.consensus.message.SignedProposal proposal, Block block) {
        long height = proposal.proposal().height();
        if (height > engine.state().height()) {
            held.add(new ConsensusMessage.ProposalWithBlock(proposal, block), true);
            return;
        }
        Input input = new Input.ProposalReceived(proposal);
        if (engine.admits(input)) {
            proposedBlocks.putIfAbsent(block.hash(), block);
            if (proposalSeenNanos == 0) {
                proposalSeenNanos = System.nanoTime();
            }
            process(input);
        } else if (awaitingBlock.remove(block.hash())) {
            proposedBlocks.putIfAbsent(block.hash(), block);
            validate(new Output.ValidateValue(height, proposal.proposal().round(), block.hash()));
        }
    }

    private void deliver(ConsensusMessage.VoteMessage v) {
        if (v.vote().vote().height() > engine.state().height()) {
            held.add(v, true);
        } else {
            process(new Input.VoteReceived(v.vote()));
        }
    }

    /**
     * Signature recovery is the costly part of checking a block, so it must not happen on the
     * consensus thread: transactions already in our mempool bring the sender recovered at admission,
     * and the others are recovered here, on the gossip thread, across all cores.
     */
    private Block withKnownSenders(Block block) {
        List<Transaction> txs = new java.util.ArrayList<>(block.transactions().size());
        for (Transaction tx : block.transactions()) {
            txs.add(mempool.get(tx.hash()).orElse(tx));
        }
        txs.parallelStream().forEach(Transaction::sender);
        return new Block(block.header(), txs, block.lastCommit());
    }

    private void carryOut(List<Output> outputs) {
        for (Output o : outputs) {
            if (o instanceof Output.BroadcastProposal p) {
                Block block = proposedBlocks.get(p.proposal().proposal().value());
                if (block != null) {
                    publish(new ConsensusMessage.ProposalWithBlock(p.proposal(), block));
                }
            } else if (o instanceof Output.BroadcastVote v) {
                publish(new ConsensusMessage.VoteMessage(v.vote()));
                if (equivocate && v.vote().vote().type() == MessageType.PREVOTE) {
                    publish(new ConsensusMessage.VoteMessage(conflicting(v.vote().vote()).signWith(key)));
                }
            } else if (o instanceof Output.ScheduleTimeout t) {
                timers.schedule(() -> enqueue(new Input.TimeoutExpired(t.kind(), t.height(), t.round())),
                        t.delayMillis(), TimeUnit.MILLISECONDS);
            } else if (o instanceof Output.RequestValue r) {
                propose(r);
            } else if (o instanceof Output.ValidateValue v) {
                validate(v);
            } else if (o instanceof Output.Decide d) {
                decide(d);
            } else if (o instanceof Output.EvidenceFound e) {
                reportEvidence(e.evidence());
            } else if (o instanceof Output.SigningRefused s) {
                log.warn("the signing guard refused a {} at height {} round {}: {}", s.type(), s.height(), s.round(), s.refusal());
            }
        }
    }

    private static Vote conflicting(Vote v) {
        Hash32 other = v.value() == null ? Keccak.hash(new byte[] {1}) : null;
        return new Vote(v.chainId(), v.type(), v.height(), v.round(), other);
    }

    /** Puts the proof on chain: a transaction from this node, admitted here and gossiped. */
    private void reportEvidence(DuplicateVoteEvidence evidence) {
        Hash32 id = Keccak.hash(evidence.encode());
        if (!reportedEvidence.add(id)) {
            return;
        }
        log.warn("validator {} equivocated at height {} round {}; submitting the evidence", evidence.first().validator(),
                evidence.first().vote().height(), evidence.first().vote().round());
        long nonce = mempool.pendingNonce(key.address())
                .orElse(Account.STATE.get(ledger.state(), key.address()).orElse(Account.EMPTY).nonce());
        submit.accept(new UnsignedTransaction(ledger.chainId(), nonce, ledger.params().minFee(),
                new EvidenceSubmission(evidence)).signWith(key));
    }

    private void publish(ConsensusMessage m) {
        myMessages.add(m);
        send(m);
    }

    private void send(ConsensusMessage m) {
        (m instanceof ConsensusMessage.ProposalWithBlock ? proposalTopic : voteTopic).publish(ConsensusMessage.encode(m));
    }

    private long rebroadcasts;

    /** Votes can be lost (a peer restarting, a partition): ours for this height are sent again. */
    private void rebroadcast() {
        boolean withProposals = ++rebroadcasts % 3 == 0; // a proposal carries a whole block: every third time
        for (ConsensusMessage m : myMessages) {
            if (withProposals || !(m instanceof ConsensusMessage.ProposalWithBlock)) {
                send(m);
            }
        }
    }

    private void propose(Output.RequestValue r) {
        long head = ledger.head().height();
        CommitCertificate lastCommit = head == 0 ? CommitCertificate.GENESIS
                : ledger.store().certificate(head).orElseThrow(() -> new IllegalStateException("no certificate for " + head));
        long started = System.nanoTime();
        List<Transaction> candidates = mempool.candidates(ledger.params().maxBlockBytes(), MAX_PROPOSAL_TRANSACTIONS);
        PreparedBlock p = ledger.build(clock.millis(), key.address(), candidates, lastCommit);
        logIfSlow("built", p.block(), started);
        prepared.put(p.block().hash(), p);
        proposedBlocks.put(p.block().hash(), p.block());
        enqueue(new Input.ValueToPropose(r.height(), r.round(), p.block().hash()));
    }

    private void validate(Output.ValidateValue v) {
        if (prepared.containsKey(v.value())) {
            enqueue(new Input.ValueValidity(v.height(), v.value(), true));
            return;
        }
        Block block = proposedBlocks.get(v.value());
        if (block == null) {
            awaitingBlock.add(v.value()); // e.g. a proposal replayed from the WAL: checked when its block comes
            return;
        }
        long started = System.nanoTime();
        Ledger.Validated result = ledger.validateProposal(block, clock.millis());
        checkedNanos = System.nanoTime();
        logIfSlow("checked", block, started);
        if (result instanceof Ledger.Validated.Valid valid) {
            prepared.put(v.value(), valid.block());
        } else {
            log.warn("proposed block {} at height {} is invalid: {}", v.value(), v.height(), ((Ledger.Validated.Invalid) result).reason());
        }
        enqueue(new Input.ValueValidity(v.height(), v.value(), result instanceof Ledger.Validated.Valid));
    }

    /** Where the height's time went, from its start: the proposal's arrival, its check, the decision. */
    private String timeline() {
        long start = heightStartedNanos;
        long now = System.nanoTime();
        return "(proposal at " + since(start, proposalSeenNanos) + ", checked at " + since(start, checkedNanos)
                + ", decided at " + (now - start) / 1_000_000 + " ms)";
    }

    private static String since(long start, long at) {
        return at >= start ? (at - start) / 1_000_000 + " ms" : "-";
    }

    /** Building or checking a block that takes a good part of a round timeout is worth a line. */
    private void logIfSlow(String what, Block block, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (millis >= SLOW_BLOCK_MILLIS) {
            log.info("{} block at height {} ({} txs) in {} ms", what, block.height(), block.transactions().size(), millis);
        }
    }

    private void decide(Output.Decide d) {
        if (d.height() != ledger.head().height() + 1 || !committedValues.add(d.value())) {
            return;
        }
        PreparedBlock p = prepared.get(d.value());
        if (p == null && proposedBlocks.containsKey(d.value())
                && ledger.validate(proposedBlocks.get(d.value())) instanceof Ledger.Validated.Valid valid) {
            p = valid.block();
        }
        if (p == null) {
            log.info("decided block {} at height {} is not here; fetching it by sync", d.value(), d.height());
            sync.sawHeight(d.height() + 1);
            return;
        }
        long started = System.nanoTime();
        ledger.commit(p, d.certificate());
        afterCommit(p, d.certificate(), System.nanoTime() - started, false);
        timers.schedule(() -> enqueueTask(this::startNextHeight), pauseAfter(p.block()), TimeUnit.MILLISECONDS);
    }

    /**
     * The block time is the interval between heights, not a pause after each: the next height starts a
     * block time after this block's timestamp (its proposer's clock as it built it), so the time this
     * height took to agree comes off the wait, and every validator starts the next height at about the
     * same moment. Timed from each node's own start instead, the validators' phases stayed apart and
     * the early ones waited for the late ones every height (250 ms on a local testnet). A clock that is
     * off changes a wait by at most a block time.
     */
    private long pauseAfter(Block block) {
        return pauseMillis(clock.millis(), block.header().timestampMillis(), blockTime.toMillis());
    }

    static long pauseMillis(long nowMillis, long blockTimestampMillis, long blockTimeMillis) {
        long sinceBlock = nowMillis - blockTimestampMillis;
        return Math.max(MIN_PAUSE_MILLIS, Math.min(blockTimeMillis, blockTimeMillis - sinceBlock));
    }

    /** One line per block, as operators of BFT chains expect: what was committed, in which round, how fast. */
    void afterCommit(PreparedBlock p, CommitCertificate certificate, long nanos, boolean synced) {
        Set<Hash32> done = new HashSet<>();
        p.block().transactions().forEach(tx -> done.add(tx.hash()));
        long recheck = System.nanoTime();
        int reexecuted = mempool.afterCommit(done, p.state().changes());
        long recheckMillis = (System.nanoTime() - recheck) / 1_000_000;
        metrics.blockCommitted(p.block().height(), p.block().transactions().size(), nanos);
        String line = "committed block {} at height {} round {} {}: {} txs, stored in {} ms, mempool {} "
                + "({} senders re-executed in {} ms)";
        Object[] args = {p.block().hash().toHex().substring(0, 12), p.block().height(), certificate.round(), timeline(),
                p.block().transactions().size(), nanos / 1_000_000, mempool.size(), reexecuted, recheckMillis};
        if (synced) {
            log.debug(line, args); // block sync reports its own progress, a line per run of blocks
        } else {
            log.info(line, args);
        }
    }

    /**
     * Commits blocks fetched from a peer, each only after its certificate checks out against the
     * validator set and its re-execution gives the header's state root; then consensus moves on to
     * the new head.
     */
    private void applySynced(PeerId peer, List<BlockSyncProtocol.SyncedBlock> blocks) {
        long before = ledger.head().height();
        BlockSyncProtocol.SyncedBlock last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        for (BlockSyncProtocol.SyncedBlock synced : blocks) {
            if (synced.block().height() != ledger.head().height() + 1) {
                continue;
            }
            CertificateCheck check = CommitCertificateVerifier.SECP256K1.verify(synced.certificate(), ledger.validators(),
                    chainId, synced.block().height(), synced.block().hash());
            if (check instanceof CertificateCheck.Invalid invalid) {
                sync.ban(peer, "certificate of block " + synced.block().height() + ": " + invalid.detail());
                break;
            }
            Ledger.Validated validated = ledger.validate(synced.block());
            if (validated instanceof Ledger.Validated.Invalid invalid) {
                sync.ban(peer, "block " + synced.block().height() + ": " + invalid.reason());
                break;
            }
            long started = System.nanoTime();
            PreparedBlock p = ((Ledger.Validated.Valid) validated).block();
            ledger.commit(p, synced.certificate(), synced == last); // one disk sync per fetched run
            afterCommit(p, synced.certificate(), System.nanoTime() - started, true);
        }
        if (ledger.head().height() > before) {
            sync.progress(ledger.head().height());
            startNextHeight();
        }
    }

    /** Begins consensus on the block after the head (after a decision, or after sync moved the head). */
    void startNextHeight() {
        long next = ledger.head().height() + 1;
        if (engine.state().height() >= next) {
            return;
        }
        prepared.clear();
        proposedBlocks.values().removeIf(b -> b.height() < next);
        awaitingBlock.clear();
        committedValues.clear();
        myMessages = new java.util.ArrayList<>();
        wal.reset();
        heightStartedNanos = System.nanoTime();
        proposalSeenNanos = 0;
        checkedNanos = 0;
        process(new Input.StartHeight(next, ledger.validators()));
        // What came for this height before it started goes in now, after StartHeight, so that it is in
        // this height's WAL like every other input: replay must rebuild the lock it may set.
        for (HeldMessages.Held h : held.take(next)) {
            if (!h.verified()) {
                admit(h.message());
            } else if (h.message() instanceof ConsensusMessage.ProposalWithBlock p) {
                deliver(p.proposal(), p.block());
            } else {
                deliver((ConsensusMessage.VoteMessage) h.message());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Lets the step under way finish (an interrupt could tear a WAL or guard write), then stops. */
    @Override
    public void close() {
        queue.add(() -> running = false);
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timers.shutdownNow();
        wal.close();
    }
}
