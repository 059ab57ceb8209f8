package io.gridchain.node.api.console;

import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.node.chain.BlockListener;
import io.gridchain.node.chain.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the dashboard shows of each recent block (time, transactions, round, signers, and the mempool size
 * when it was committed), kept for the last {@link #WINDOW} heights, and the head stream behind
 * {@code GET /v1/events/blocks}. Blocks committed before this node started are read from the store once;
 * their mempool size is unknown. Delivery runs on its own thread, so the committing thread only queues.
 */
public final class BlockFeed implements BlockListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BlockFeed.class);
    public static final int WINDOW = 300;

    /** One block as the charts and the validators page read it; {@code mempool} is -1 when unknown. */
    public record BlockStat(long height, String hash, long timeMillis, int txs, int round, Address proposer, List<Address> signers,
                            int mempool) {}

    private final Ledger ledger;
    private final IntSupplier mempoolSize;
    private final ConcurrentSkipListMap<Long, BlockStat> recent = new ConcurrentSkipListMap<>();
    private final Map<Long, Integer> mempoolAt = new ConcurrentHashMap<>();
    private final List<Consumer<BlockStat>> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "block-events");
        t.setDaemon(true);
        return t;
    });

    public BlockFeed(Ledger ledger, IntSupplier mempoolSize) {
        this.ledger = ledger;
        this.mempoolSize = mempoolSize;
    }

    @Override
    public void committed(long height) {
        // Sampled here, on the committing thread, so the size is the one right after this block.
        mempoolAt.put(height, mempoolSize.getAsInt());
        delivery.execute(() -> deliver(height));
    }

    private void deliver(long height) {
        try {
            mempoolAt.keySet().removeIf(h -> h <= height - WINDOW);
            Optional<BlockStat> stat = stat(height);
            if (stat.isEmpty()) {
                return;
            }
            for (Consumer<BlockStat> s : subscribers) {
                try {
                    s.accept(stat.get());
                } catch (RuntimeException e) {
                    subscribers.remove(s);   // a closed stream; it unsubscribes itself too
                }
            }
        } catch (RuntimeException e) {
            log.warn("block event of {} not delivered", height, e);
        }
    }

    public AutoCloseable subscribe(Consumer<BlockStat> sink) {
        subscribers.add(sink);
        return () -> subscribers.remove(sink);
    }

    /** The stats of one height, from memory or else the store; empty above the head. */
    public Optional<BlockStat> stat(long height) {
        BlockStat cached = recent.get(height);
        if (cached != null) {
            if (cached.mempool() < 0 && mempoolAt.containsKey(height)) {
                cached = withMempool(cached, mempoolAt.get(height));
                recent.put(height, cached);
            }
            return Optional.of(cached);
        }
        Optional<Block> block = ledger.store().block(height);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        Block b = block.get();
        CommitCertificate cert = ledger.store().certificate(height).orElse(CommitCertificate.GENESIS);
        List<Address> signers = new ArrayList<>();
        cert.signatures().forEach(s -> signers.add(s.validator()));
        BlockStat s = new BlockStat(height, b.hash().toHex(), b.header().timestampMillis(), b.transactions().size(), cert.round(),
                b.header().proposer(), List.copyOf(signers), mempoolAt.getOrDefault(height, -1));
        recent.put(height, s);
        while (recent.size() > WINDOW * 2) {
            recent.pollFirstEntry();
        }
        return Optional.of(s);
    }

    private static BlockStat withMempool(BlockStat s, int mempool) {
        return new BlockStat(s.height(), s.hash(), s.timeMillis(), s.txs(), s.round(), s.proposer(), s.signers(), mempool);
    }

    /** The last {@code count} blocks up to the head, oldest first. */
    public List<BlockStat> last(int count) {
        long head = ledger.head().height();
        List<BlockStat> out = new ArrayList<>(count);
        for (long h = Math.max(0, head - count + 1); h <= head; h++) {
            stat(h).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
