package io.gridchain.node.metrics;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The node's Prometheus metrics, written in the text exposition format by hand: a handful of
 * counters and gauges do not justify a metrics library.
 */
public final class NodeMetrics {
    private final AtomicLong height = new AtomicLong();
    private final LongAdder transactionsCommitted = new LongAdder();
    private final LongAdder blocksCommitted = new LongAdder();
    private final LongAdder blockExecutionNanos = new LongAdder();
    private final AtomicLong lastBlockExecutionNanos = new AtomicLong();
    private final LongAdder transactionsAccepted = new LongAdder();
    private final LongAdder transactionsRefused = new LongAdder();
    private volatile LongSupplier mempoolSize = () -> 0;
    private volatile LongSupplier mempoolBytes = () -> 0;

    public void blockCommitted(long newHeight, int transactions, long executionNanos) {
        height.set(newHeight);
        transactionsCommitted.add(transactions);
        blocksCommitted.increment();
        blockExecutionNanos.add(executionNanos);
        lastBlockExecutionNanos.set(executionNanos);
    }

    public void transactionAdmitted(boolean accepted) {
        (accepted ? transactionsAccepted : transactionsRefused).increment();
    }

    public void watchMempool(LongSupplier size, LongSupplier bytes) {
        this.mempoolSize = size;
        this.mempoolBytes = bytes;
    }

    public void setHeight(long h) {
        height.set(h);
    }

    public String render() {
        StringBuilder out = new StringBuilder(1024);
        gauge(out, "gridchain_height", "Height of the latest committed block.", height.get());
        counter(out, "gridchain_blocks_committed_total", "Blocks committed since the node started.", blocksCommitted.sum());
        counter(out, "gridchain_transactions_committed_total", "Transactions committed since the node started.",
                transactionsCommitted.sum());
        counter(out, "gridchain_transactions_accepted_total", "Transactions admitted to the mempool.", transactionsAccepted.sum());
        counter(out, "gridchain_transactions_refused_total", "Transactions refused at admission.", transactionsRefused.sum());
        gauge(out, "gridchain_mempool_transactions", "Transactions waiting in the mempool.", mempoolSize.getAsLong());
        gauge(out, "gridchain_mempool_bytes", "Bytes of transactions waiting in the mempool.", mempoolBytes.getAsLong());
        out.append("# HELP gridchain_block_execution_seconds Time to build, execute and commit blocks.\n")
                .append("# TYPE gridchain_block_execution_seconds summary\n")
                .append("gridchain_block_execution_seconds_sum ").append(blockExecutionNanos.sum() / 1e9).append('\n')
                .append("gridchain_block_execution_seconds_count ").append(blocksCommitted.sum()).append('\n');
        gauge(out, "gridchain_last_block_execution_seconds", "Time to build, execute and commit the latest block.",
                lastBlockExecutionNanos.get() / 1e9);
        return out.toString();
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(format(value)).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(format(value)).append('\n');
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
