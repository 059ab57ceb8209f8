package io.gridchain.node.mempool;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.exec.TransactionExecutor;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TxOutcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Pending transactions, per sender in nonce order, bounded by count, bytes and per-sender depth.
 * A transaction is admitted only if it executes on the committed state plus its sender's earlier
 * pending transactions, so the pool never holds one that would fail now. Each sender's queue records
 * the committed keys its transactions read; after a block, exactly the queues that read a key the
 * block wrote (or that lost transactions to it) are executed again, and what no longer passes is
 * dropped. A queue whose reads the block did not touch would execute the same way, so it is kept.
 * Credits do not count as reads (see {@code StateReader.getToAddTo}): every transaction credits the
 * proposer's fee, so otherwise every block would re-execute every queue. A queue whose credited
 * values a block changed is executed again only if a later admission reads one of them.
 * Reads are recorded where they reach committed state: a key one transaction writes without reading
 * it and a later one of the same sender reads is not recorded (the ledger's kinds read what they
 * write: balances, nonces, counters, records checked for existence).
 */
public final class Mempool {
    public static final String DUPLICATE = "already-pending";
    public static final String POOL_FULL = "mempool-full";
    public static final String SENDER_LIMIT = "too-many-pending-for-sender";
    /** How many candidates a proposal may execute for each place in it (see {@link #candidates(long, int)}). */
    static final int EXAMINED_PER_INCLUDED = 4;

    public record Limits(int maxTransactions, long maxBytes, int maxPerSender) {
        public static final Limits DEFAULT = new Limits(50_000, 64L << 20, 1_000);
    }

    private final TransactionExecutor executor;
    private final Supplier<StateReader> committed;
    private final Supplier<BlockInfo> nextBlock;
    private final Limits limits;
    private final Map<Address, SenderQueue> senders = new LinkedHashMap<>();
    private final Map<Hash32, Pending> byHash = new HashMap<>();
    private long bytes;
    private long arrivals;

    /** A pending transaction and its place in the order of arrival. */
    private record Pending(Transaction tx, long arrival) {}

    public Mempool(TransactionExecutor executor, Supplier<StateReader> committed, Supplier<BlockInfo> nextBlock,
                   Limits limits) {
        this.executor = executor;
        this.committed = committed;
        this.nextBlock = nextBlock;
        this.limits = limits;
    }

    /** Admits {@code tx} or says why not. Signature recovery happens before the pool's lock is taken. */
    public Admission add(Transaction tx) {
        if (contains(tx.hash())) { // relayed twice, or resubmitted: spare the signature recovery
            return refuse(tx, DUPLICATE, "transaction " + tx.hash() + " is already pending");
        }
        BlockInfo block = nextBlock.get();
        Optional<Rejection> stateless = executor.checkStateless(tx, block.chainId(), block.params().maxTransactionBytes());
        if (stateless.isPresent()) {
            return new Admission.Refused(tx.hash(), stateless.get());
        }
        synchronized (this) {
            return addChecked(tx, block);
        }
    }

    private Admission addChecked(Transaction tx, BlockInfo block) {
        if (byHash.containsKey(tx.hash())) {
            return refuse(tx, DUPLICATE, "transaction " + tx.hash() + " is already pending");
        }
        if (byHash.size() >= limits.maxTransactions() || bytes + tx.size() > limits.maxBytes()) {
            return refuse(tx, POOL_FULL, "the mempool is full (" + byHash.size() + " transactions); retry later");
        }
        Address sender = tx.requireSender();
        SenderQueue queue = senders.get(sender);
        if (queue == null) {
            queue = new SenderQueue(committed.get());
        }
        if (queue.transactions.size() >= limits.maxPerSender()) {
            return refuse(tx, SENDER_LIMIT, sender + " already has " + queue.transactions.size() + " pending transactions");
        }
        TxOutcome outcome = queue.execute(executor, block, tx);
        if (queue.reads.takeReadChangedKey()) { // decided on a credited value a block has changed since
            queue.replaceWith(reexecute(queue, Set.of(), committed.get(), block));
            outcome = queue.execute(executor, block, tx);
        }
        if (outcome instanceof TxOutcome.Rejected rejected) {
            if (queue.transactions.isEmpty()) {
                senders.remove(sender);
            }
            return new Admission.Refused(tx.hash(), rejected.rejection());
        }
        senders.putIfAbsent(sender, queue);
        byHash.put(tx.hash(), new Pending(tx, arrivals++));
        bytes += tx.size();
        return new Admission.Accepted(tx.hash());
    }

    private static Admission refuse(Transaction tx, String code, String detail) {
        return new Admission.Refused(tx.hash(), Rejection.of(code, detail));
    }

    /**
     * Pending transactions in proposal order: first come, first served across senders, each sender's
     * in nonce order (a sender's next transaction is its earliest arrival not yet taken).
     */
    public List<Transaction> candidates(long maxBytes) {
        return candidates(maxBytes, Integer.MAX_VALUE);
    }

    /**
     * As {@link #candidates(long)}, at most {@code maxCount} of them, counting only transactions that
     * apply: a proposal's cap is for transactions the block includes. Each transaction is admitted alone
     * against the committed state, so two senders' transactions may conflict (both register one name);
     * when the pool holds more than {@code maxCount}, candidates are executed in order on the committed
     * state, one that fails is left out, and so is the rest of its sender's queue (its nonces would
     * leave a gap), so a queue behind a doomed transaction costs one execution and takes no place. At
     * most {@link #EXAMINED_PER_INCLUDED} times {@code maxCount} are executed, bounding a proposal's time.
     */
    public synchronized List<Transaction> candidates(long maxBytes, int maxCount) {
        record Next(List<Transaction> queue, int index, long arrival) {}
        PriorityQueue<Next> heads = new PriorityQueue<>(Comparator.comparingLong(Next::arrival));
        for (SenderQueue q : senders.values()) {
            if (!q.transactions.isEmpty()) {
                heads.add(new Next(q.transactions, 0, arrivalOf(q.transactions.get(0))));
            }
        }
        boolean execute = byHash.size() > maxCount; // else all fit and the block drops what fails
        StateOverlay state = execute ? new StateOverlay(committed.get()) : null;
        BlockInfo block = execute ? nextBlock.get() : null;
        long examineAtMost = (long) maxCount * EXAMINED_PER_INCLUDED;
        List<Transaction> out = new ArrayList<>();
        long total = 0;
        long examined = 0;
        while (!heads.isEmpty() && out.size() < maxCount && examined < examineAtMost) {
            Next next = heads.poll();
            Transaction tx = next.queue().get(next.index());
            if (total + tx.size() > maxBytes) {
                return out;
            }
            if (execute) {
                examined++;
                StateOverlay step = state.child();
                if (!(executor.execute(step, block, tx) instanceof TxOutcome.Applied)) {
                    continue; // and not its sender's later ones
                }
                step.mergeIntoParent();
            }
            out.add(tx);
            total += tx.size();
            int following = next.index() + 1;
            if (following < next.queue().size()) {
                heads.add(new Next(next.queue(), following, arrivalOf(next.queue().get(following))));
            }
        }
        return out;
    }

    private long arrivalOf(Transaction tx) {
        return byHash.get(tx.hash()).arrival();
    }

    /**
     * After a commit: forgets the transactions the block included or dropped, and re-executes the
     * queues whose reads the block's writes touched — unless the block included the first transactions
     * of a queue and left every key the queue read as those transactions had left it in the queue's
     * own view; then the rest would execute as before, and the queue only loses its head. {@code written}
     * is the block's state changes (an empty value: deleted). Returns how many queues it re-executed.
     */
    public synchronized int afterCommit(Set<Hash32> removed, Map<Bytes, Optional<byte[]>> written) {
        Set<Bytes> writtenKeys = written.keySet();
        BlockInfo block = nextBlock.get();
        StateReader state = committed.get();
        int reexecuted = 0;
        Iterator<Map.Entry<Address, SenderQueue>> it = senders.entrySet().iterator();
        while (it.hasNext()) {
            SenderQueue old = it.next().getValue();
            if (!old.touchedBy(removed, writtenKeys)) {
                old.reads.markChanged(writtenKeys);
                continue;
            }
            int included = old.includedHead(removed);
            if (included > 0 && old.headLeftAsCommitted(included, written)) {
                old.transactions.subList(0, included).forEach(this::forget);
                old.dropHead(included);
                old.reads.markChanged(writtenKeys);
                if (old.transactions.isEmpty()) {
                    it.remove();
                }
                continue;
            }
            reexecuted++;
            SenderQueue fresh = reexecute(old, removed, state, block);
            if (fresh.transactions.isEmpty()) {
                it.remove();
            } else {
                old.replaceWith(fresh);
            }
        }
        return reexecuted;
    }

    /** The queue executed again on {@code state}, without {@code removed}; what fails leaves the pool. */
    private SenderQueue reexecute(SenderQueue old, Set<Hash32> removed, StateReader state, BlockInfo block) {
        SenderQueue fresh = new SenderQueue(state);
        for (Transaction tx : old.transactions) {
            // Once one fails, the sender's later nonces leave a gap and fail too.
            boolean keep = !removed.contains(tx.hash())
                    && fresh.execute(executor, block, tx) instanceof TxOutcome.Applied;
            if (!keep) {
                forget(tx);
            }
        }
        return fresh;
    }

    /** Drops {@code tx} from the pool's index and byte count (its queue is the caller's to change). */
    private void forget(Transaction tx) {
        byHash.remove(tx.hash());
        bytes -= tx.size();
    }

    public synchronized boolean contains(Hash32 hash) {
        return byHash.containsKey(hash);
    }

    public synchronized Optional<Transaction> get(Hash32 hash) {
        return Optional.ofNullable(byHash.get(hash)).map(Pending::tx);
    }

    /** The next nonce of {@code sender} counting its pending transactions. */
    public synchronized Optional<Long> pendingNonce(Address sender) {
        SenderQueue q = senders.get(sender);
        if (q == null || q.transactions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(q.transactions.get(q.transactions.size() - 1).nonce() + 1);
    }

    public synchronized int size() {
        return byHash.size();
    }

    public synchronized long sizeInBytes() {
        return bytes;
    }

    private static final class SenderQueue {
        private ReadTrackingState reads;
        private StateOverlay state;
        private List<Transaction> transactions = new ArrayList<>();
        /** What each of {@link #transactions} wrote, in the same order. */
        private List<SortedMap<Bytes, Optional<byte[]>>> writes = new ArrayList<>();

        SenderQueue(StateReader committed) {
            this.reads = new ReadTrackingState(committed);
            this.state = new StateOverlay(reads);
        }

        /** Executes {@code tx} after this queue's transactions; if it applies, it joins the queue. */
        TxOutcome execute(TransactionExecutor executor, BlockInfo block, Transaction tx) {
            StateOverlay step = state.child();
            TxOutcome outcome = executor.execute(step, block, tx);
            if (outcome instanceof TxOutcome.Applied) {
                writes.add(step.changes());
                step.mergeIntoParent();
                transactions.add(tx);
            }
            return outcome;
        }

        boolean touchedBy(Set<Hash32> removed, Set<Bytes> writtenKeys) {
            for (Transaction tx : transactions) {
                if (removed.contains(tx.hash())) {
                    return true;
                }
            }
            return reads.readAnyOf(writtenKeys);
        }

        /** How many of the first transactions {@code removed} holds, if it holds no later one; else -1. */
        int includedHead(Set<Hash32> removed) {
            int head = 0;
            while (head < transactions.size() && removed.contains(transactions.get(head).hash())) {
                head++;
            }
            for (int i = head; i < transactions.size(); i++) {
                if (removed.contains(transactions.get(i).hash())) {
                    return -1;
                }
            }
            return head;
        }

        /**
         * Whether every key this queue read that the block wrote now holds what the first {@code head}
         * transactions left in it here. A key they did not write cannot be vouched for.
         */
        boolean headLeftAsCommitted(int head, Map<Bytes, Optional<byte[]>> written) {
            for (Bytes key : reads.readAmong(written.keySet())) {
                Optional<byte[]> ours = null;
                for (int i = head - 1; i >= 0 && ours == null; i--) {
                    ours = writes.get(i).get(key);
                }
                if (ours == null || !Arrays.equals(ours.orElse(null), written.get(key).orElse(null))) {
                    return false;
                }
            }
            return true;
        }

        void dropHead(int head) {
            transactions = new ArrayList<>(transactions.subList(head, transactions.size()));
            writes = new ArrayList<>(writes.subList(head, writes.size()));
        }

        void replaceWith(SenderQueue other) {
            this.reads = other.reads;
            this.state = other.state;
            this.transactions = other.transactions;
            this.writes = other.writes;
        }
    }
}
