package io.gridchain.node.bft;

import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.node.chain.BlockImporter;
import io.gridchain.node.chain.PreparedBlock;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work after each commit, whoever brought the block: the mempool drops what the block included
 * and re-checks the senders it touched, the metrics move, and one line per block is logged, as
 * operators of BFT chains expect: what was committed, in which round, how fast.
 */
final class CommittedBlockLog implements BlockImporter.CommitListener {
    private static final Logger log = LoggerFactory.getLogger(ConsensusDriver.class);

    private final Mempool mempool;
    private final NodeMetrics metrics;
    private final Supplier<String> timeline;

    /** @param timeline where the height's time went, for the log line of a block this node decided */
    CommittedBlockLog(Mempool mempool, NodeMetrics metrics, Supplier<String> timeline) {
        this.mempool = mempool;
        this.metrics = metrics;
        this.timeline = timeline;
    }

    @Override
    public void committed(PreparedBlock p, CommitCertificate certificate, long storeNanos, boolean synced) {
        Set<Hash32> done = new HashSet<>();
        p.block().transactions().forEach(tx -> done.add(tx.hash()));
        long recheck = System.nanoTime();
        int reexecuted = mempool.afterCommit(done, p.state().changes());
        long recheckMillis = (System.nanoTime() - recheck) / 1_000_000;
        metrics.blockCommitted(p.block().height(), p.block().transactions().size(), storeNanos);
        String line = "committed block {} at height {} round {} {}: {} txs, stored in {} ms, mempool {} "
                + "({} senders re-executed in {} ms)";
        Object[] args = {p.block().hash().toHex().substring(0, 12), p.block().height(), certificate.round(),
                synced ? "(synced)" : timeline.get(), p.block().transactions().size(), storeNanos / 1_000_000, mempool.size(),
                reexecuted, recheckMillis};
        if (synced) {
            log.debug(line, args); // block sync reports its own progress, a line per run of blocks
        } else {
            log.info(line, args);
        }
    }
}
