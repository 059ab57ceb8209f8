package io.gridchain.node.bft;

import io.gridchain.consensus.ConsensusEngine;
import io.gridchain.consensus.EngineConfig;
import io.gridchain.consensus.EngineState;
import io.gridchain.consensus.Input;
import io.gridchain.consensus.Output;
import io.gridchain.consensus.TimeoutConfig;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.signing.DigestSigner;
import io.gridchain.consensus.signing.GuardedSigner;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.node.chain.BlockImporter;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.chain.PreparedBlock;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.PeerId;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Tendermint engine for this node, on its {@link ConsensusLoop}: gossip, timers and block
 * sync only add tasks to it. Each input is written to the WAL before the engine sees it, and every
 * signature goes through the durable signing guard, so a crash at any point can neither lose a vote
 * nor make a second one. The parts with one job each: {@link ConsensusGossip} (the wire),
 * {@link BlockHost} (building and checking proposals), {@link BlockImporter} (the one validate-then-
 * commit path, shared with block sync), {@link EvidenceReporter}.
 */
public final class ConsensusDriver implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsensusDriver.class);
    /** Even a slow height leaves this long for the last precommits to arrive before the next begins. */
    private static final long MIN_PAUSE_MILLIS = 50;

    private final Ledger ledger;
    private final P2PNetwork network;
    private final Duration blockTime;
    private final DriverRuntime runtime;
    private final ConsensusLoop loop;
    private final ConsensusEngine engine;
    private final ConsensusLog wal;
    private final BlockHost blocks;
    private final ConsensusGossip gossip;
    private final BlockImporter importer;
    private final BlockSync sync;
    private final EvidenceReporter evidence;
    private final Set<Hash32> committedValues = new HashSet<>();
    private volatile EngineState progress = new EngineState(0, 0, null, null, -1, null, -1);
    private volatile long heightStartedNanos = System.nanoTime();
    private volatile long proposalSeenNanos; // first proposal of the height, for the per-block log line

    /** @param submit admits and gossips a transaction this node makes (evidence of equivocation) */
    public ConsensusDriver(Ledger ledger, Mempool mempool, P2PNetwork network, SigningKey key, TimeoutConfig timeouts,
                           Duration blockTime, NodeMetrics metrics, Consumer<Transaction> submit, DriverRuntime runtime) {
        this.ledger = ledger;
        this.network = network;
        this.blockTime = blockTime;
        this.runtime = runtime;
        this.loop = runtime.loop();
        this.wal = runtime.wal();
        this.engine = new ConsensusEngine(new EngineConfig(Long.toString(ledger.chainId()), timeouts),
                new GuardedSigner(DigestSigner.of(key), runtime.guard()));
        this.blocks = new BlockHost(ledger, mempool, key.address(), runtime.clock(), runtime.is(ByzantineBehaviour.FUTURE_TIMESTAMP));
        this.gossip = new ConsensusGossip(ledger, mempool, network, loop, key, runtime.byzantine(), blocks::block, () -> progress);
        this.importer = new BlockImporter(ledger);
        this.importer.addListener(new CommittedBlockLog(mempool, metrics, this::timeline));
        this.sync = new BlockSync(ledger, network, runtime.clock(), (peer, run) -> loop.execute(() -> applySynced(peer, run)));
        this.evidence = new EvidenceReporter(ledger, mempool, key, submit);
    }

    /** Proposals carry whole blocks; votes travel on their own topic so a large block never queues them. */
    public static String proposalTopic(long chainId) {
        return ConsensusGossip.proposalTopic(chainId);
    }

    public static String voteTopic(long chainId) {
        return ConsensusGossip.voteTopic(chainId);
    }

    public void start() {
        network.registerProtocol(new BlockSyncProtocol(ledger.store()));
        gossip.start(new ConsensusGossip.Inbox() {
            @Override
            public void proposal(SignedProposal proposal, Block block) {
                deliver(proposal, block);
            }

            @Override
            public void vote(SignedVote vote) {
                deliver(vote);
            }
        });
        List<Input> logged = wal.open();
        long next = ledger.head().height() + 1;
        if (!logged.isEmpty() && logged.get(0) instanceof Input.StartHeight s && s.height() == next) {
            for (byte[] kept : wal.keptBlocks()) {
                blocks.keep(Block.decode(kept, ledger.params().maxTransactionBytes()));
            }
            log.info("replaying {} consensus inputs of height {} from the WAL, with {} blocks", logged.size(), next,
                    wal.keptBlocks().size());
            loop.execute(() -> {
                logged.forEach(this::apply);
                progress = engine.state(); // readers see the state replay rebuilds, not the steps to it
            });
        } else {
            loop.execute(this::startNextHeight);
        }
        loop.every(gossip::rebroadcast, 1_000);
        loop.every(sync::tick, 500);
    }

    public boolean syncing() {
        return sync.targetHeight() > ledger.head().height() + 1;
    }

    public long targetHeight() {
        return Math.max(sync.targetHeight(), ledger.head().height());
    }

    /** Height, round and step of the engine as of its last input; read by the API from other threads. */
    public EngineState progress() {
        return progress;
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
        runtime.crashProbe().reached(CrashPoint.AFTER_WAL_APPEND);
        apply(input);
        EngineState now = engine.state();
        if (now.round() > 0 && (now.height() != progress.height() || now.round() != progress.round())) {
            log.info("height {} moved to round {} ({})", now.height(), now.round(), describe(input));
        }
        progress = now;
    }

    /** Applies an input that is in the WAL (just logged, or replayed after a restart). */
    private void apply(Input input) {
        carryOut(engine.apply(input));
    }

    private static String describe(Input input) {
        if (input instanceof Input.TimeoutExpired t) {
            return t.kind().name().toLowerCase(Locale.ROOT) + " timeout of round " + t.round();
        }
        return "votes of a later round";
    }

    /** A checked proposal goes to the engine, or is held if its height has not started. */
    private void deliver(SignedProposal proposal, Block block) {
        long height = proposal.proposal().height();
        if (height > engine.state().height()) {
            gossip.hold(new ConsensusMessage.ProposalWithBlock(proposal, block));
            return;
        }
        Input input = new Input.ProposalReceived(proposal);
        if (engine.admits(input)) {
            keep(block);
            if (proposalSeenNanos == 0) {
                proposalSeenNanos = System.nanoTime();
            }
            process(input);
            // the engine asks about a value once a height: if it asked before this block was here (a
            // proposal replayed from the WAL), the answer is owed now, or the value stays pending
            if (blocks.wasAwaited(block)) {
                validate(new Output.ValidateValue(height, proposal.proposal().round(), block.hash()));
            }
        } else if (blocks.wasAwaited(block)) {
            keep(block);
            validate(new Output.ValidateValue(height, proposal.proposal().round(), block.hash()));
        }
    }

    /** Holds the block for the height, in memory and in the WAL's block journal, so a restart still has it. */
    private void keep(Block block) {
        if (blocks.keep(block)) {
            wal.keepBlock(block.encode());
        }
    }

    private void deliver(SignedVote vote) {
        if (vote.vote().height() > engine.state().height()) {
            gossip.hold(new ConsensusMessage.VoteMessage(vote));
        } else {
            process(new Input.VoteReceived(vote));
        }
    }

    private void carryOut(List<Output> outputs) {
        for (Output o : outputs) {
            if (o instanceof Output.BroadcastProposal p) {
                Block block = blocks.block(p.proposal().proposal().value());
                if (block != null) {
                    runtime.crashProbe().reached(CrashPoint.BEFORE_SEND);
                    gossip.publish(p.proposal(), block);
                }
            } else if (o instanceof Output.BroadcastVote v) {
                runtime.crashProbe().reached(CrashPoint.BEFORE_SEND);
                gossip.publish(v.vote());
            } else if (o instanceof Output.ScheduleTimeout t) {
                loop.schedule(() -> process(new Input.TimeoutExpired(t.kind(), t.height(), t.round())), t.delayMillis());
            } else if (o instanceof Output.RequestValue r) {
                Input.ValueToPropose value = blocks.propose(r);
                wal.keepBlock(blocks.block(value.value()).encode());
                loop.execute(() -> process(value));
            } else if (o instanceof Output.ValidateValue v) {
                validate(v);
            } else if (o instanceof Output.Decide d) {
                decide(d);
            } else if (o instanceof Output.EvidenceFound e) {
                evidence.report(e.evidence());
            } else if (o instanceof Output.SigningRefused s) {
                log.warn("the signing guard refused a {} at height {} round {}: {}", s.type(), s.height(), s.round(), s.refusal());
            }
        }
    }

    private void validate(Output.ValidateValue v) {
        blocks.check(v).ifPresent(validity -> loop.execute(() -> process(validity)));
    }

    private void decide(Output.Decide d) {
        if (d.height() != ledger.head().height() + 1 || !committedValues.add(d.value())) {
            return;
        }
        BlockImporter.Imported imported;
        java.util.Optional<PreparedBlock> checked = blocks.checked(d.value());
        if (checked.isPresent()) {
            imported = importer.commitChecked(checked.get(), d.certificate());
        } else if (blocks.block(d.value()) != null) {
            imported = importer.importCertified(blocks.block(d.value()), d.certificate(), true, false);
        } else {
            log.info("decided block {} at height {} is not here; fetching it by sync", d.value(), d.height());
            sync.sawHeight(d.height() + 1);
            return;
        }
        if (imported instanceof BlockImporter.Imported.Refused refused) {
            log.error("the decided block {} at height {} cannot be committed: {}", d.value(), d.height(), refused.reason());
            return;
        }
        runtime.crashProbe().reached(CrashPoint.AFTER_COMMIT);
        Block block = ((BlockImporter.Imported.Committed) imported).block().block();
        loop.schedule(this::startNextHeight, pauseAfter(block));
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
        return pauseMillis(runtime.clock().millis(), block.header().timestampMillis(), blockTime.toMillis());
    }

    static long pauseMillis(long nowMillis, long blockTimestampMillis, long blockTimeMillis) {
        long sinceBlock = nowMillis - blockTimestampMillis;
        return Math.max(MIN_PAUSE_MILLIS, Math.min(blockTimeMillis, blockTimeMillis - sinceBlock));
    }

    /** Where the height's time went, from its start: the proposal's arrival, its check, the decision. */
    private String timeline() {
        long start = heightStartedNanos;
        long now = System.nanoTime();
        return "(proposal at " + since(start, proposalSeenNanos) + ", checked at " + since(start, blocks.checkedNanos())
                + ", decided at " + (now - start) / 1_000_000 + " ms)";
    }

    private static String since(long start, long at) {
        return at >= start ? (at - start) / 1_000_000 + " ms" : "-";
    }

    /**
     * Commits blocks fetched from a peer through the importer (certificate against the validator set,
     * re-execution against the header); then consensus moves on to the new head.
     */
    private void applySynced(PeerId peer, List<BlockSyncProtocol.SyncedBlock> run) {
        long before = ledger.head().height();
        BlockSyncProtocol.SyncedBlock last = run.isEmpty() ? null : run.get(run.size() - 1);
        for (BlockSyncProtocol.SyncedBlock synced : run) {
            if (synced.block().height() != ledger.head().height() + 1) {
                continue;
            }
            BlockImporter.Imported imported = importer.importCertified(synced.block(), synced.certificate(),
                    synced == last, true); // one disk sync per fetched run
            if (imported instanceof BlockImporter.Imported.Refused refused) {
                sync.ban(peer, refused.reason());
                break;
            }
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
        blocks.newHeight(next);
        committedValues.clear();
        gossip.newHeight();
        wal.reset();
        heightStartedNanos = System.nanoTime();
        proposalSeenNanos = 0;
        process(new Input.StartHeight(next, ledger.validators()));
        // after StartHeight, so that what came early is in this height's WAL: replay must rebuild the lock it may set
        gossip.release(next);
    }

    /** Lets the step under way finish (an interrupt could tear a WAL or guard write), then stops. */
    @Override
    public void close() {
        loop.close();
        wal.close();
    }
}
