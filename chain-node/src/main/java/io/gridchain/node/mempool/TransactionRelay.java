package io.gridchain.node.mempool;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transactions on {@code /gridchain/<chainId>/txs/1}. Each gossip message is a batch: an RLP list of
 * up to {@value #MAX_BATCH} signed transactions, sent {@value #LINGER_MILLIS} ms after the first of
 * them was admitted here (or at once when full). A gossip message costs a signature and its
 * verification on every peer, so one per transaction would cost as much as admitting it; with a 20 ms
 * linger those verifications were still two fifths of a loaded validator's CPU, and 100 ms is far
 * below a block time.
 *
 * <p>What arrives is admitted to our mempool off the gossip thread, so votes never queue behind a
 * batch's signature recoveries. A batch is forwarded if any of it was new to us; a malformed or badly
 * signed transaction counts against the peer that sent it, while ones merely late or early (nonce) are
 * ignored. When admission falls behind by {@value #MAX_QUEUED_BATCHES} batches, further batches are
 * ignored rather than queued without bound: their transactions are still in their origin's mempool.
 */
public final class TransactionRelay implements AutoCloseable {
    static final int MAX_BATCH = 512;
    static final int MAX_BATCH_BYTES = 512 * 1024;
    static final long LINGER_MILLIS = 100;
    static final int MAX_QUEUED_BATCHES = 64;
    private static final Logger log = LoggerFactory.getLogger(TransactionRelay.class);
    private static final Set<String> PEER_FAULTS = Set.of(Rejection.MALFORMED, Rejection.BAD_SIGNATURE,
            Rejection.WRONG_CHAIN, Rejection.UNKNOWN_KIND, Rejection.TOO_LARGE);

    private final Mempool mempool;
    private final IntSupplier maxTransactionBytes;
    private final Topic topic;
    private final P2PNetwork network;
    private final ScheduledExecutorService admission = daemonThread("tx-admission");
    private final ScheduledExecutorService flusher = daemonThread("tx-batcher");
    private final AtomicInteger queuedBatches = new AtomicInteger();
    private final List<byte[]> outgoing = new ArrayList<>();
    private int outgoingBytes;
    private ScheduledFuture<?> flush;

    public TransactionRelay(P2PNetwork network, long chainId, Mempool mempool, IntSupplier maxTransactionBytes) {
        this.network = network;
        this.mempool = mempool;
        this.maxTransactionBytes = maxTransactionBytes;
        this.topic = network.subscribeAsync("/gridchain/" + chainId + "/txs/1", this::validate);
    }

    /** Queues a transaction our API admitted for the next batch; with nobody to hear it (a lone dev chain) it is dropped. */
    public void publish(Transaction tx) {
        if (network.connectedPeers().isEmpty()) {
            return;
        }
        byte[] encoded = Rlp.bytes(tx.encode());
        synchronized (outgoing) {
            if (outgoingBytes + encoded.length > MAX_BATCH_BYTES) {
                flushNow();
            }
            outgoing.add(encoded);
            outgoingBytes += encoded.length;
            if (outgoing.size() >= MAX_BATCH) {
                flushNow();
            } else if (flush == null) {
                flush = flusher.schedule(this::flush, LINGER_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        synchronized (outgoing) {
            flushNow();
        }
    }

    private void flushNow() {
        if (flush != null) {
            flush.cancel(false);
            flush = null;
        }
        if (outgoing.isEmpty()) {
            return;
        }
        byte[] batch = Rlp.list(outgoing);
        outgoing.clear();
        outgoingBytes = 0;
        topic.publish(batch);
    }

    private CompletableFuture<ValidationResult> validate(GossipMessage message) {
        if (queuedBatches.incrementAndGet() > MAX_QUEUED_BATCHES) {
            queuedBatches.decrementAndGet();
            return CompletableFuture.completedFuture(ValidationResult.IGNORE);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return admit(message);
            } finally {
                queuedBatches.decrementAndGet();
            }
        }, admission);
    }

    private ValidationResult admit(GossipMessage message) {
        List<Transaction> batch = decode(message.data());
        if (batch == null) {
            return ValidationResult.REJECT;
        }
        batch.parallelStream().forEach(Transaction::sender); // recovery, the costly part, on every core
        boolean anyNew = false;
        for (Transaction tx : batch) {
            Admission admitted = mempool.add(tx);
            if (admitted instanceof Admission.Accepted) {
                anyNew = true;
            } else if (PEER_FAULTS.contains(((Admission.Refused) admitted).rejection().code())) {
                log.debug("peer {} relayed {}: {}", message.source(), tx.hash(), ((Admission.Refused) admitted).rejection());
                return ValidationResult.REJECT;
            }
        }
        return anyNew ? ValidationResult.ACCEPT : ValidationResult.IGNORE;
    }

    /** The batch's transactions, or null when the message is not a well-formed batch. */
    private List<Transaction> decode(byte[] data) {
        if (data.length > MAX_BATCH_BYTES + 8) {
            return null;
        }
        try {
            RlpReader items = RlpReader.ofList(data);
            List<Transaction> txs = new ArrayList<>();
            while (items.hasNext()) {
                if (txs.size() == MAX_BATCH) {
                    return null;
                }
                Transaction.Decoded decoded = Transaction.decode(items.bytes(), maxTransactionBytes.getAsInt());
                if (decoded instanceof Transaction.Decoded.Malformed) {
                    return null;
                }
                txs.add(((Transaction.Decoded.Ok) decoded).transaction());
            }
            return txs.isEmpty() ? null : txs;
        } catch (RlpException e) {
            return null;
        }
    }

    private static ScheduledExecutorService daemonThread(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        admission.shutdownNow();
    }
}
