package io.gridchain.core.exec;

import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TxOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes blocks. The proposer {@link #build}s a block from candidates, dropping any that fail now;
 * everyone else {@link #replay}s a received block, which is invalid if any transaction fails. Both
 * paths run the same {@link TransactionExecutor} and the same end-of-block hooks.
 */
public final class BlockExecutor {
    private final TransactionExecutor transactions;
    private final List<BlockHook> hooks;

    public BlockExecutor(TransactionExecutor transactions, List<BlockHook> hooks) {
        this.transactions = transactions;
        this.hooks = List.copyOf(hooks);
    }

    public TransactionExecutor transactions() {
        return transactions;
    }

    /** The outcome of executing a block: the writes, a receipt per transaction, and end-of-block events. */
    public record Executed(StateOverlay state, List<Transaction> included, List<Receipt> receipts,
                           List<Event> blockEvents) {}

    public record Dropped(Transaction transaction, Rejection reason) {}

    public record Built(Executed executed, List<Dropped> dropped) {}

    public sealed interface Replayed {
        record Valid(Executed executed) implements Replayed {}

        record Invalid(int index, Rejection reason) implements Replayed {}
    }

    /** Takes candidates in order while they fit {@code maxBytes}; a failing one is dropped, not included. */
    public Built build(StateReader pre, BlockInfo block, Iterable<Transaction> candidates, int maxBytes) {
        StateOverlay state = new StateOverlay(pre);
        List<Transaction> included = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        long bytes = 0;
        for (Transaction tx : candidates) {
            if (bytes + tx.size() > maxBytes) {
                break;
            }
            TxOutcome outcome = transactions.execute(state, block, tx);
            if (outcome instanceof TxOutcome.Applied applied) {
                receipts.add(new Receipt(tx.hash(), block.height(), included.size(), tx.fee(), applied.events()));
                included.add(tx);
                bytes += tx.size();
            } else {
                dropped.add(new Dropped(tx, ((TxOutcome.Rejected) outcome).rejection()));
            }
        }
        return new Built(new Executed(state, included, receipts, endBlock(state, block)), dropped);
    }

    public Replayed replay(StateReader pre, BlockInfo block, List<Transaction> txs) {
        StateOverlay state = new StateOverlay(pre);
        List<Receipt> receipts = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            TxOutcome outcome = transactions.execute(state, block, txs.get(i));
            if (outcome instanceof TxOutcome.Rejected rejected) {
                return new Replayed.Invalid(i, rejected.rejection());
            }
            receipts.add(new Receipt(txs.get(i).hash(), block.height(), i, txs.get(i).fee(),
                    ((TxOutcome.Applied) outcome).events()));
        }
        return new Replayed.Valid(new Executed(state, txs, receipts, endBlock(state, block)));
    }

    private List<Event> endBlock(StateOverlay state, BlockInfo block) {
        List<Event> events = new ArrayList<>();
        for (BlockHook hook : hooks) {
            events.addAll(hook.endBlock(state, block));
        }
        return events;
    }
}
