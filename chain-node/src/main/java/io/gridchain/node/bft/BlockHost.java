package io.gridchain.node.bft;

import io.gridchain.consensus.Input;
import io.gridchain.consensus.Output;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.tx.Transaction;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.chain.PreparedBlock;
import io.gridchain.node.mempool.Mempool;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocks behind the engine's values at the height under way: it builds this node's proposal when
 * the engine asks for a value, and checks a proposed block when the engine asks whether a value is
 * valid. Only blocks of proposals the engine took in are kept, so they are bounded as its rounds are.
 * Used on the consensus loop; the gossip thread only looks blocks up.
 */
final class BlockHost {
    private static final Logger log = LoggerFactory.getLogger(BlockHost.class);
    /**
     * Every validator re-executes a proposal before the prevote timeout (1 s on a LAN), so a proposal
     * holds at most this many transactions even when the mempool holds a large backlog: on a loaded
     * two-core machine a block of 30,000 transfers took longer to check than several rounds, each
     * round's proposal was as large, and the chain made no progress while the backlog grew.
     */
    static final int MAX_PROPOSAL_TRANSACTIONS = 2_000;
    private static final long SLOW_BLOCK_MILLIS = 200;

    private final Ledger ledger;
    private final Mempool mempool;
    private final Address proposer;
    private final Clock clock;
    private final boolean futureTimestamps;
    private final Map<Hash32, Block> blocks = new ConcurrentHashMap<>();
    private final Map<Hash32, PreparedBlock> checked = new HashMap<>();
    /** Values the engine asked about before their block was here: checked when one comes. */
    private final Set<Hash32> awaitingBlock = new HashSet<>();
    private long checkedNanos;

    BlockHost(Ledger ledger, Mempool mempool, Address proposer, Clock clock, boolean futureTimestampsForTesting) {
        this.ledger = ledger;
        this.mempool = mempool;
        this.proposer = proposer;
        this.clock = clock;
        this.futureTimestamps = futureTimestampsForTesting;
    }

    /** A block of this height, if a proposal brought it or we built it; read from the gossip thread too. */
    Block block(Hash32 hash) {
        return blocks.get(hash);
    }

    /** Keeps the block of a proposal the engine took in; false if it was here already. */
    boolean keep(Block block) {
        return blocks.putIfAbsent(block.hash(), block) == null;
    }

    /** True once, when block is one the engine asked about before it was here. */
    boolean wasAwaited(Block block) {
        return awaitingBlock.remove(block.hash());
    }

    /** Builds our proposal for the engine's request, from the mempool's best candidates. */
    Input.ValueToPropose propose(Output.RequestValue request) {
        long head = ledger.head().height();
        CommitCertificate lastCommit = head == 0 ? CommitCertificate.GENESIS
                : ledger.store().certificate(head).orElseThrow(() -> new IllegalStateException("no certificate for " + head));
        long started = System.nanoTime();
        List<Transaction> candidates = mempool.candidates(ledger.params().maxBlockBytes(), MAX_PROPOSAL_TRANSACTIONS);
        long now = clock.millis() + (futureTimestamps ? ByzantineBehaviour.FUTURE_MILLIS : 0);
        PreparedBlock p = ledger.build(now, proposer, candidates, lastCommit);
        logIfSlow("built", p.block(), started);
        checked.put(p.block().hash(), p);
        blocks.put(p.block().hash(), p.block());
        return new Input.ValueToPropose(request.height(), request.round(), p.block().hash());
    }

    /**
     * The engine's answer to "is this value valid?", or empty when its block is not here yet (e.g. a
     * proposal replayed from the WAL): it is checked when the block comes.
     */
    Optional<Input.ValueValidity> check(Output.ValidateValue request) {
        if (checked.containsKey(request.value())) {
            return Optional.of(new Input.ValueValidity(request.height(), request.value(), true));
        }
        Block block = blocks.get(request.value());
        if (block == null) {
            awaitingBlock.add(request.value());
            return Optional.empty();
        }
        long started = System.nanoTime();
        Ledger.Validated result = ledger.validateProposal(block, clock.millis());
        checkedNanos = System.nanoTime();
        logIfSlow("checked", block, started);
        if (result instanceof Ledger.Validated.Valid valid) {
            checked.put(request.value(), valid.block());
        } else {
            log.warn("proposed block {} at height {} is invalid: {}", request.value(), request.height(),
                    ((Ledger.Validated.Invalid) result).reason());
        }
        return Optional.of(new Input.ValueValidity(request.height(), request.value(), result instanceof Ledger.Validated.Valid));
    }

    /** The re-executed block of a value we checked, if we did. */
    Optional<PreparedBlock> checked(Hash32 value) {
        return Optional.ofNullable(checked.get(value));
    }

    /** When the last check of the height ended, for the per-block log line; 0 if none. */
    long checkedNanos() {
        return checkedNanos;
    }

    /** Forgets the blocks of heights before {@code next}. */
    void newHeight(long next) {
        checked.clear();
        blocks.values().removeIf(b -> b.height() < next);
        awaitingBlock.clear();
        checkedNanos = 0;
    }

    /** Building or checking a block that takes a good part of a round timeout is worth a line. */
    private void logIfSlow(String what, Block block, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        if (millis >= SLOW_BLOCK_MILLIS) {
            log.info("{} block at height {} ({} txs) in {} ms", what, block.height(), block.transactions().size(), millis);
        }
    }
}
