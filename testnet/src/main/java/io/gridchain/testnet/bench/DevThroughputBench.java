package io.gridchain.testnet.bench;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.testnet.process.NodeProcess;
import io.gridchain.wallet.Mnemonic;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeViews;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Sustained committed transfers per second on a dev node (a separate process, started here), from
 * transfers pre-signed by many senders, and in the same run this machine's secp256k1 recovery rate
 * over all cores. The rate is read from the chain itself: transactions in the blocks that hold the
 * benchmark's transfers, over the block time they span.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Committed transfers per second on a dev node, and the secp256k1 recovery rate.")
final class DevThroughputBench implements Callable<Integer> {
    private static final int BATCH = 1000;

    @Option(names = "--senders", defaultValue = "2000", description = "Distinct senders (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--per-sender", defaultValue = "20", description = "Transfers each sender signs (default: ${DEFAULT-VALUE}).")
    int perSender;

    @Option(names = "--block-time", defaultValue = "1s", description = "The dev node's block time (default: ${DEFAULT-VALUE}).")
    String blockTime;

    @Option(names = "--submitters", defaultValue = "4", description = "Concurrent HTTP submitters (default: ${DEFAULT-VALUE}).")
    int submitters;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf("secp256k1 recovery on %d cores: measuring...%n", cores);
        out.flush();
        double recovery = RecoveryRate.perSecond(cores, Duration.ofSeconds(5));
        out.printf("secp256k1 recovery: %.0f/s over %d cores with %s%n", recovery, cores,
                io.gridchain.core.crypto.Secp256k1Backend.backend());

        Path dir = Files.createTempDirectory("gridchain-bench-");
        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start(NodeProcess.currentJar(), port, dir.resolve("node.log"), Duration.ofSeconds(60),
                "dev", "--data-dir", dir.resolve("dev").toString(), "--api-port", Integer.toString(port),
                "--block-time", blockTime, "--api-no-client-limits")) { // every submitter is 127.0.0.1
            NodeClient client = NodeClient.create(node.api());
            Mnemonic mnemonic = devMnemonic(dir.resolve("dev").resolve("dev-account.json"));
            long chainId = client.status().chainId();
            List<SigningKey> keys = fundSenders(client, mnemonic.deriveKey(0), chainId, out);
            List<List<Transaction>> perThread = presign(keys, chainId, out);
            Measurement m = submitAndMeasure(client, perThread, out);
            out.printf("committed: %d transfers in %d blocks over %.2f s of block time = %.0f transfers/s%n",
                    m.transactions, m.blocks, m.seconds, m.transactions / m.seconds);
            out.printf("submit-to-last-commit wall time: %.2f s%n", m.wallSeconds);
            double target = 0.5 * recovery;
            out.printf("target: >= 50%% of cores x recovery rate per core = %.0f/s -> %s (ratio %.2f)%n", target,
                    m.transactions / m.seconds >= target ? "met" : "NOT met", (m.transactions / m.seconds) / recovery);
            out.println("node log: " + dir.resolve("node.log"));
        }
        return 0;
    }

    private static Mnemonic devMnemonic(Path accountFile) throws java.io.IOException {
        String json = Files.readString(accountFile);
        String phrase = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("mnemonic").asText();
        return Mnemonic.require(phrase);
    }

    private List<SigningKey> fundSenders(NodeClient client, SigningKey dev, long chainId, PrintWriter out) {
        SecureRandom random = new SecureRandom();
        List<SigningKey> keys = new ArrayList<>(senders);
        List<Transaction> funding = new ArrayList<>(senders);
        long nonce = client.account(dev.address()).nonce();
        for (int i = 0; i < senders; i++) {
            SigningKey k = SigningKey.random(random);
            keys.add(k);
            funding.add(new UnsignedTransaction(chainId, nonce + i, 1_000, new Transfer(k.address(), 1_000_000_000L)).signWith(dev));
        }
        out.printf("funding %d senders...%n", senders);
        out.flush();
        // One sender may have at most 1000 pending transactions: fund in batches, each committed before the next.
        for (int i = 0; i < funding.size(); i += BATCH) {
            List<Transaction> batch = funding.subList(i, Math.min(funding.size(), i + BATCH));
            requireAccepted(client.submitBatch(batch));
            client.awaitCommitted(batch.get(batch.size() - 1).hash(), Duration.ofMinutes(2))
                    .orElseThrow(() -> new IllegalStateException("funding transfers were not committed"));
        }
        return keys;
    }

    /** Each submitter owns a disjoint set of senders, so every sender's nonces arrive in order. */
    private List<List<Transaction>> presign(List<SigningKey> keys, long chainId, PrintWriter out) throws Exception {
        out.printf("pre-signing %d transfers...%n", (long) senders * perSender);
        out.flush();
        SigningKey sink = SigningKey.random(new SecureRandom());
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<List<Transaction>>> parts = new ArrayList<>();
            for (int t = 0; t < submitters; t++) {
                int owner = t;
                parts.add(pool.submit(() -> {
                    List<Transaction> txs = new ArrayList<>();
                    for (int n = 0; n < perSender; n++) {
                        for (int s = owner; s < keys.size(); s += submitters) {
                            txs.add(new UnsignedTransaction(chainId, n, 1_000, new Transfer(sink.address(), 1)).signWith(keys.get(s)));
                        }
                    }
                    return txs;
                }));
            }
            List<List<Transaction>> out2 = new ArrayList<>();
            for (Future<List<Transaction>> f : parts) {
                out2.add(f.get());
            }
            return out2;
        } finally {
            pool.shutdown();
        }
    }

    private record Measurement(long transactions, long blocks, double seconds, double wallSeconds) {}

    private Measurement submitAndMeasure(NodeClient client, List<List<Transaction>> perThread, PrintWriter out)
            throws Exception {
        long startHeight = client.status().height();
        out.printf("submitting from %d threads in batches of %d...%n", submitters, BATCH);
        out.flush();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(submitters);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (List<Transaction> txs : perThread) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < txs.size(); i += BATCH) {
                        requireAccepted(client.submitBatch(txs.subList(i, Math.min(txs.size(), i + BATCH))));
                    }
                    return txs.size();
                }));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (List<Transaction> txs : perThread) {
            client.awaitCommitted(txs.get(txs.size() - 1).hash(), Duration.ofMinutes(5))
                    .orElseThrow(() -> new IllegalStateException("transfers were not all committed"));
        }
        double wall = (System.nanoTime() - started) / 1e9;
        return fromBlocks(client, startHeight, wall);
    }

    /** Counts from the first block after submission began that holds transfers to the last one that does. */
    private static Measurement fromBlocks(NodeClient client, long startHeight, double wall) {
        long head = client.status().height();
        long first = -1;
        long last = -1;
        long count = 0;
        for (long h = startHeight + 1; h <= head; h++) {
            int n = client.block(h).transactions().size();
            if (n > 0) {
                first = first < 0 ? h : first;
                last = h;
                count += n;
            }
        }
        if (first < 0) {
            throw new IllegalStateException("no block holds the benchmark's transfers");
        }
        long begin = client.block(first - 1).header().timestampMillis();
        long end = client.block(last).header().timestampMillis();
        return new Measurement(count, last - first + 1, (end - begin) / 1000.0, wall);
    }

    private static void requireAccepted(List<NodeViews.BatchResult> results) {
        for (NodeViews.BatchResult r : results) {
            if (!r.accepted()) {
                throw new IllegalStateException("node refused a transfer: " + r.code().orElse("?") + ": " + r.detail().orElse(""));
            }
        }
    }
}
