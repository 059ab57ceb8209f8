package io.gridchain.node.chain;

import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.tx.Transaction;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single validator of a dev chain: every block time it builds a block from the mempool, certifies
 * it with its own precommit, commits it, and lets the mempool re-check what is left. It calls the same
 * {@link Ledger} build and commit that the BFT consensus driver uses.
 */
public final class DevBlockProducer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DevBlockProducer.class);

    private final Ledger ledger;
    private final Mempool mempool;
    private final Address proposer;
    private final BlockCertifier certifier;
    private final Clock clock;
    private final Duration blockTime;
    private final NodeMetrics metrics;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "block-producer");
        t.setDaemon(true);
        return t;
    });

    public DevBlockProducer(Ledger ledger, Mempool mempool, Address proposer, BlockCertifier certifier, Clock clock,
                            Duration blockTime, NodeMetrics metrics) {
        this.ledger = ledger;
        this.mempool = mempool;
        this.proposer = proposer;
        this.certifier = certifier;
        this.clock = clock;
        this.blockTime = blockTime;
        this.metrics = metrics;
    }

    /**
     * Blocks of a single-validator chain made by {@code key} every {@code blockTime}, each certified by
     * its one signature: a fixture for tests of the API and the layers above consensus.
     */
    public static io.gridchain.node.GridchainNode.BlockMaker soleValidator(io.gridchain.core.crypto.SigningKey key,
                                                                           Duration blockTime, Clock clock) {
        return (ledger, mempool, metrics) -> {
            if (!ledger.validators().contains(key.address()) || ledger.validators().size() != 1) {
                throw new IllegalStateException("a dev block producer runs a single-validator chain of " + key.address());
            }
            DevBlockProducer producer = new DevBlockProducer(ledger, mempool, key.address(),
                    new SingleValidatorCertifier(key, ledger.chainId()), clock, blockTime, metrics);
            producer.start();
            return producer;
        };
    }

    public void start() {
        timer.scheduleAtFixedRate(this::produceSafely, blockTime.toMillis(), blockTime.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void produceSafely() {
        try {
            produceOne();
        } catch (RuntimeException e) {
            log.error("block production failed; will retry at the next tick", e);
        }
    }

    /** Builds, certifies and commits one block; returns its height. */
    public synchronized long produceOne() {
        long started = System.nanoTime();
        long head = ledger.head().height();
        CommitCertificate lastCommit = head == 0 ? CommitCertificate.GENESIS
                : ledger.store().certificate(head).orElseThrow(() -> new IllegalStateException("no certificate for " + head));
        PreparedBlock prepared = ledger.build(clock.millis(), proposer,
                mempool.candidates(ledger.params().maxBlockBytes()), lastCommit);
        CommitCertificate certificate = certifier.certify(prepared.block());
        ledger.commit(prepared, certificate);
        Set<Hash32> done = new HashSet<>();
        for (Transaction tx : prepared.block().transactions()) {
            done.add(tx.hash());
        }
        prepared.dropped().forEach(d -> done.add(d.transaction().hash()));
        mempool.afterCommit(done, prepared.state().changes());
        long nanos = System.nanoTime() - started;
        metrics.blockCommitted(prepared.block().height(), prepared.block().transactions().size(), nanos);
        if (!prepared.dropped().isEmpty()) {
            log.info("block {}: dropped {} transaction(s) that no longer apply", prepared.block().height(),
                    prepared.dropped().size());
        }
        log.debug("block {} committed with {} transactions in {} ms", prepared.block().height(),
                prepared.block().transactions().size(), nanos / 1_000_000);
        return prepared.block().height();
    }

    @Override
    public void close() {
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
