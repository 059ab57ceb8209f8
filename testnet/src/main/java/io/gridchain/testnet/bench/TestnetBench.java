package io.gridchain.testnet.bench;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.testnet.net.NodeApi;
import io.gridchain.testnet.net.TestnetManifest;
import io.gridchain.wallet.Keystore;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeViews;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Load on a running testnet ({@code testnet up}): transfers pre-signed by many senders, paced at
 * {@code --rate} and spread over every node's API (a sender always uses the same node, so its
 * nonces arrive in order). A watcher follows node 0's blocks: a transfer's latency is from the
 * moment its batch was accepted to the moment the watcher saw it in a committed block (the watcher
 * polls every 50 ms, so latencies carry up to ~50 ms of that). Rounds per height come from each
 * block's commit certificate. Before the measured {@code --duration}, the same load runs for
 * {@code --warmup} seconds and the bench waits (up to a minute) until it is committed: freshly started
 * nodes on a loaded machine spend a third of their CPU for the first minutes compiling the hot paths
 * (the JIT), once per process. If the warm-up does not drain, the measured window inherits its backlog.
 */
@Command(name = "testnet", mixinStandardHelpOptions = true,
        description = "Committed transfers per second, latency, blocks/s and rounds per height on a running testnet; "
                + "and the secp256k1 recovery rate.")
public final class TestnetBench implements Callable<Integer> {
    private static final int BATCH = 100;

    @Option(names = "--dir", required = true, description = "The testnet's directory (from 'testnet up').")
    Path dir;

    @Option(names = "--duration", defaultValue = "60", description = "Seconds of load (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--warmup", defaultValue = "60",
            description = "Seconds of the same load before the measured duration, then a wait until it is committed; "
                    + "not counted (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--senders", defaultValue = "2000", description = "Distinct senders (default: ${DEFAULT-VALUE}).")
    int senders;

    @Option(names = "--rate", defaultValue = "1500", description = "Transfers per second offered (default: ${DEFAULT-VALUE}).")
    int rate;

    @Spec
    CommandSpec spec;

    /** Runs with the options of {@code bench --testnet D}. */
    static TestnetBench of(Path dir, int warmup, int duration, int senders, int rate, CommandSpec spec) {
        TestnetBench b = new TestnetBench();
        b.dir = dir;
        b.warmup = warmup;
        b.duration = duration;
        b.senders = senders;
        b.rate = rate;
        b.spec = spec;
        return b;
    }

    @Override
    public Integer call() throws Exception {
        if (warmup < 0 || duration <= 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--warmup must be >= 0 and --duration > 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        TestnetManifest manifest = TestnetManifest.read(dir);
        List<NodeClient> clients = new ArrayList<>();
        for (TestnetManifest.Node n : manifest.nodes()) {
            clients.add(NodeClient.create(URI.create(n.api())));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        say(out, "secp256k1 recovery on %d cores: measuring for 5 s...", cores);
        double recovery = RecoveryRate.perSecond(cores, Duration.ofSeconds(5));
        say(out, "secp256k1 recovery: %.0f/s over %d cores with %s (as the nodes use it)", recovery, cores,
                io.gridchain.core.crypto.Secp256k1Backend.backend());

        NodeApi watch = new NodeApi(URI.create(manifest.nodes().get(0).api()));
        idleBlockTime(watch, out);
        String password = Files.readAllLines(dir.resolve("password")).get(0);
        List<SigningKey> funders = new ArrayList<>();
        List<NodeClient> funderClients = new ArrayList<>();
        for (int i = 0; i < manifest.nodes().size(); i++) {
            TestnetManifest.Node n = manifest.nodes().get(i);
            if (n.validator()) {
                funders.add(Keystore.read(dir.resolve(n.name()).resolve("key.json"), password).orElseThrow());
                funderClients.add(clients.get(i));
            }
        }
        List<SigningKey> keys = fund(funderClients, funders, manifest.chainId(), out);
        int warmupPerSender = (int) Math.ceil((double) rate * warmup / senders);
        int perSender = (int) Math.ceil((double) rate * duration / senders);
        List<List<Transaction>> warmupTxs = presign(keys, manifest.chainId(), 0, warmupPerSender, clients.size(), out);
        List<List<Transaction>> perNode = presign(keys, manifest.chainId(), warmupPerSender, perSender, clients.size(), out);

        Watcher watcher = new Watcher(watch);
        long startHeight = watch.status().orElseThrow().height();
        Thread watching = new Thread(watcher, "block-watcher");
        watching.start();
        if (warmup > 0) {
            say(out, "warm-up: offering %d transfers/s for %d s across %d nodes (not measured)...", rate, warmup, clients.size());
            Load warm = submit(clients, warmupTxs, warmup, true, out);
            long drained = awaitCommitted(watcher, warm, Duration.ofSeconds(60));
            say(out, "warm-up: %d offered, %d accepted, %d refused; %s", warm.offered, warm.accepted, warm.refused,
                    drained == warm.accepted
                    ? "all committed" : (warm.accepted - drained) + " still pending after 60 s: the measured window inherits them");
        }
        say(out, "offering %d transfers/s for %d s across %d nodes (measured)...", rate, duration, clients.size());
        long started = System.nanoTime();
        Load load = submit(clients, perNode, duration, false, out);
        long loadEnd = System.nanoTime();
        say(out, "load done: %d offered, %d accepted, %d refused in %.1f s; waiting up to 30 s for the rest to commit...",
                load.offered, load.accepted, load.refused, (loadEnd - started) / 1e9);
        awaitCommitted(watcher, load, Duration.ofSeconds(30));
        watcher.stop.set(true);
        watching.join();
        report(out, watcher, load, started, loadEnd, startHeight, recovery);
        return 0;
    }

    /** Waits until node 0 has committed all of {@code load}'s accepted transfers, or {@code limit}; returns how many it has. */
    private static long awaitCommitted(Watcher watcher, Load load, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long committed = load.acceptedAt.keySet().stream().filter(watcher.seenAt::containsKey).count();
            if (committed >= load.accepted || System.nanoTime() >= deadline) {
                return committed;
            }
            Thread.sleep(200);
        }
    }

    private static void say(PrintWriter out, String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }

    private void idleBlockTime(NodeApi watch, PrintWriter out) throws InterruptedException {
        long h0 = watch.status().orElseThrow().height();
        long t0 = System.nanoTime();
        Thread.sleep(5000);
        long h1 = watch.status().orElseThrow().height();
        double seconds = (System.nanoTime() - t0) / 1e9;
        say(out, "idle: %d blocks in %.1f s = %.0f ms per block", h1 - h0, seconds, seconds * 1000 / Math.max(1, h1 - h0));
    }

    /**
     * Every validator (funded in genesis) funds its share of the senders through its own node, so no
     * funder has more pending transfers than the mempool allows one sender.
     */
    private List<SigningKey> fund(List<NodeClient> clients, List<SigningKey> funders, long chainId, PrintWriter out) {
        SecureRandom random = new SecureRandom();
        List<SigningKey> keys = new ArrayList<>();
        List<List<Transaction>> funding = new ArrayList<>();
        long[] nonces = new long[funders.size()];
        for (int f = 0; f < funders.size(); f++) {
            funding.add(new ArrayList<>());
            nonces[f] = clients.get(f).account(funders.get(f).address()).nonce();
        }
        for (int i = 0; i < senders; i++) {
            SigningKey k = SigningKey.random(random);
            keys.add(k);
            int f = i % funders.size();
            funding.get(f).add(new UnsignedTransaction(chainId, nonces[f]++, 1_000, new Transfer(k.address(), 1_000_000_000L))
                    .signWith(funders.get(f)));
        }
        say(out, "funding %d senders from %d validators...", senders, funders.size());
        for (int f = 0; f < funders.size(); f++) {
            List<Transaction> txs = funding.get(f);
            for (int i = 0; i < txs.size(); i += 500) {
                for (NodeViews.BatchResult r : clients.get(f).submitBatch(txs.subList(i, Math.min(txs.size(), i + 500)))) {
                    if (!r.accepted()) {
                        throw new IllegalStateException("node refused a funding transfer: " + r.code().orElse("?") + ": "
                                + r.detail().orElse(""));
                    }
                }
            }
        }
        for (int f = 0; f < funders.size(); f++) {
            List<Transaction> txs = funding.get(f);
            if (!txs.isEmpty()) {
                clients.get(f).awaitCommitted(txs.get(txs.size() - 1).hash(), Duration.ofMinutes(5))
                        .orElseThrow(() -> new IllegalStateException("funding transfers were not committed within 5 minutes"));
            }
        }
        return keys;
    }

    /** One list per node, ordered by nonce then sender: sender s uses node s % nodes. */
    private static List<List<Transaction>> presign(List<SigningKey> keys, long chainId, int firstNonce, int perSender, int nodes,
                                                   PrintWriter out) throws Exception {
        say(out, "pre-signing %d transfers (%d per sender)...", (long) keys.size() * perSender, perSender);
        SigningKey sink = SigningKey.random(new SecureRandom());
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<List<Transaction>>> parts = new ArrayList<>();
            for (int node = 0; node < nodes; node++) {
                int owner = node;
                parts.add(pool.submit(() -> {
                    List<Transaction> txs = new ArrayList<>();
                    for (int n = firstNonce; n < firstNonce + perSender; n++) {
                        for (int s = owner; s < keys.size(); s += nodes) {
                            txs.add(new UnsignedTransaction(chainId, n, 1_000, new Transfer(sink.address(), 1)).signWith(keys.get(s)));
                        }
                    }
                    return txs;
                }));
            }
            List<List<Transaction>> result = new ArrayList<>();
            for (Future<List<Transaction>> f : parts) {
                result.add(f.get());
            }
            return result;
        } finally {
            pool.shutdown();
        }
    }

    private record Load(long offered, long accepted, long refused, Map<String, Long> acceptedAt) {}

    /**
     * One submitter per node, each paced at its share of {@code --rate} for {@code seconds}. With
     * {@code all}, every transfer is sent even if a node's slow answers put the submitter behind
     * schedule: the warm-up's transfers hold nonces the measured ones follow, so one left unsent would
     * have every later transfer of its sender refused.
     */
    private Load submit(List<NodeClient> clients, List<List<Transaction>> perNode, int seconds, boolean all,
                        PrintWriter out) throws Exception {
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        LongAdder offered = new LongAdder();
        LongAdder refused = new LongAdder();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        long begin = System.nanoTime();
        long deadline = begin + Duration.ofSeconds(seconds).toNanos();
        double perThreadRate = (double) rate / clients.size();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                NodeClient client = clients.get(i);
                List<Transaction> txs = perNode.get(i);
                done.add(pool.submit(() -> {
                    for (int k = 0; k < txs.size() && (all || System.nanoTime() < deadline); k += BATCH) {
                        long due = begin + (long) (k / perThreadRate * 1e9);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                        List<Transaction> batch = txs.subList(k, Math.min(txs.size(), k + BATCH));
                        List<NodeViews.BatchResult> results = client.submitBatch(batch);
                        long now = System.nanoTime();
                        offered.add(batch.size());
                        for (NodeViews.BatchResult r : results) {
                            if (r.accepted()) {
                                acceptedAt.put(r.hash().toHex(), now);
                            } else {
                                refused.increment();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Load(offered.sum(), acceptedAt.size(), refused.sum(), acceptedAt);
    }

    /** Follows node 0's chain: when each transaction was first seen committed, and each block's round. */
    private static final class Watcher implements Runnable {
        final NodeApi api;
        final Map<String, Long> seenAt = new ConcurrentHashMap<>();
        final List<NodeApi.Block> blocks = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Long> blockSeenAt = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean stop = new AtomicBoolean(false);

        Watcher(NodeApi api) {
            this.api = api;
        }

        @Override
        public void run() {
            long next = api.status().orElseThrow().height() + 1;
            while (!stop.get()) {
                long head = api.status().map(NodeApi.Status::height).orElse(next - 1);
                for (; next <= head && !stop.get(); next++) {
                    NodeApi.Block b;
                    try {
                        b = api.block(next);
                    } catch (IllegalStateException e) {
                        // a node under load can be slow to serve a large block: try again next turn
                        System.err.println("bench: " + e.getMessage() + "; retrying");
                        break;
                    }
                    long now = System.nanoTime();
                    blocks.add(b);
                    blockSeenAt.add(now);
                    for (String tx : b.transactions()) {
                        seenAt.put(tx, now);
                    }
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void report(PrintWriter out, Watcher w, Load load, long started, long loadEnd, long startHeight, double recovery) {
        long[] latencies = load.acceptedAt.entrySet().stream().filter(e -> w.seenAt.containsKey(e.getKey()))
                .mapToLong(e -> w.seenAt.get(e.getKey()) - e.getValue()).sorted().toArray();
        long inWindow = 0;
        int blocksInWindow = 0;
        long roundsSum = 0;
        int laterRounds = 0;
        for (int i = 0; i < w.blocks.size(); i++) {
            long seen = w.blockSeenAt.get(i);
            if (seen <= started || seen > loadEnd) {
                continue;
            }
            NodeApi.Block b = w.blocks.get(i);
            int round = b.commit().map(NodeApi.Certificate::round).orElse(0);
            roundsSum += round + 1;
            laterRounds += round > 0 ? 1 : 0;
            inWindow += b.transactions().size();
            blocksInWindow++;
        }
        double window = (loadEnd - started) / 1e9;
        say(out, "");
        say(out, "offered %d transfers/s for %.1f s measured, after %d s of warm-up, from %d senders over %d nodes", rate,
                window, warmup, senders, countNodes());
        say(out, "accepted %d, refused %d; committed %d of the accepted (seen on node 0)", load.accepted, load.refused,
                latencies.length);
        say(out, "sustained: %.0f committed transfers/s in the measured window (%d in %.1f s)", inWindow / window, inWindow,
                window);
        say(out, "latency submit->commit: p50 %d ms, p99 %d ms, max %d ms", pct(latencies, 50), pct(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1_000_000);
        say(out, "blocks: %.2f/s in the measured window (%d blocks); %d blocks from height %d in all", blocksInWindow / window,
                blocksInWindow, w.blocks.size(), startHeight + 1);
        say(out, "rounds per height: %.3f on average; %d of %d heights in the window needed more than one round",
                blocksInWindow == 0 ? 0.0 : (double) roundsSum / blocksInWindow, laterRounds, blocksInWindow);
        say(out, "secp256k1 recovery: %.0f/s over %d cores with %s", recovery, Runtime.getRuntime().availableProcessors(),
                io.gridchain.core.crypto.Secp256k1Backend.backend());
        if (w.blocks.isEmpty()) {
            say(out, "warning: no block was committed during the load or the 30 s after it: the chain stalled "
                    + "(node logs are in %s/<name>/node.log)", dir);
        }
    }

    private int countNodes() {
        try {
            return TestnetManifest.read(dir).nodes().size();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static long pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1_000_000;
    }
}
