package io.gridchain.testnet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.capacity.CapacityTransactions;
import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.Metadata;
import io.gridchain.testnet.process.NodeProcess;
import io.gridchain.wallet.Mnemonic;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeViews;
import io.gridchain.wallet.TxBuilder;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The identity and capacity figures of issues 6 and 7 on one dev node (a separate process, started
 * here), driven over HTTP/1.1 keep-alive from this process: SIWE sign-ins per second (challenge, then
 * the token grant, signed here), introspections per second, {@code POST /v1/leases/verify} per second,
 * and lease creations per second (committed). Each rate is the median of several rounds of one run.
 */
@Command(name = "registry", mixinStandardHelpOptions = true,
        description = "Sign-ins, introspections, lease verifications and lease creations per second on a dev node.")
final class RegistryBench implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--threads", defaultValue = "8", description = "Concurrent HTTP clients (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", defaultValue = "5", description = "Rounds per figure; the median is reported (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--round-seconds", defaultValue = "3", description = "Length of a round (default: ${DEFAULT-VALUE}).")
    int roundSeconds;

    @Option(names = "--leases", defaultValue = "5000", description = "Leases created for the creation rate (default: ${DEFAULT-VALUE}).")
    int leases;

    @Spec
    CommandSpec spec;

    /** One keep-alive connection per client thread, replaced when a request on it fails. */
    private final ThreadLocal<KeepAliveHttp> connections = new ThreadLocal<>();
    private final List<KeepAliveHttp> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private URI api;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("gridchain-bench-");
        int port = NodeProcess.freePort();
        try (NodeProcess node = NodeProcess.start(NodeProcess.currentJar(), port, dir.resolve("node.log"), Duration.ofSeconds(60),
                "dev", "--data-dir", dir.resolve("dev").toString(), "--api-port", Integer.toString(port), "--block-time", "1s",
                "--api-no-client-limits")) { // every client thread is 127.0.0.1
            NodeClient client = NodeClient.create(node.api());
            String base = node.api().toString().replaceAll("/$", "");
            api = node.api();
            SigningKey dev = devKey(dir.resolve("dev").resolve("dev-account.json"));
            SigningKey gridNode = SigningKey.random(new SecureRandom());
            commit(client, dev, TransactionBuilders.register("bench", Metadata.EMPTY));
            NodeViews.TxInfo farm = commit(client, dev, CapacityTransactions.createFarm("bench-farm", "bench", dev.address()));
            long farmId = Long.parseLong(farm.receipt().orElseThrow().events().get(0).attributes().get("farm"));
            commit(client, dev, CapacityTransactions.registerNode(gridNode, client.status().chainId(), farmId,
                    new Resources(10_000_000, 0, 0, 0), "bench", new Prices(1, 0, 0, 0)));
            commit(client, dev, CapacityTransactions.createLease(gridNode.address(), "bench", new Resources(1, 0, 0, 0), 0, 1_000));

            out.printf("node %s, %d client threads, %d rounds of %d s each; medians:%n", base, threads, rounds, roundSeconds);
            out.flush();
            double grants = median(() -> signIn(dev));
            out.printf("SIWE sign-ins (challenge + signed grant): %.0f/s%n", grants);
            out.flush();
            String token = token(dev);
            double introspections = median(() -> introspect(token));
            out.printf("introspections: %.0f/s%n", introspections);
            out.flush();
            String verifyBody = "{\"node\":\"" + gridNode.address() + "\",\"tenant\":\"bench\",\"resources\":{\"cru\":1}}";
            double verifies = median(() -> send("/v1/leases/verify", "application/json", verifyBody, null).status() == 200);
            out.printf("POST /v1/leases/verify: %.0f/s%n", verifies);
            out.flush();
            out.printf("lease creations: %s%n", leaseCreations(client, dev, gridNode));
            out.println("node log: " + dir.resolve("node.log"));
        } finally {
            for (KeepAliveHttp c : opened) {
                c.close();
            }
        }
        return 0;
    }

    private static SigningKey devKey(Path accountFile) throws java.io.IOException {
        return Mnemonic.require(JSON.readTree(Files.readString(accountFile)).get("mnemonic").asText()).deriveKey(0);
    }

    private static NodeViews.TxInfo commit(NodeClient client, SigningKey key, TxPayload payload) {
        Transaction tx = TxBuilder.forNode(client).sign(key, payload, TxBuilder.DEFAULT_FEE);
        client.submit(tx);
        return client.awaitCommitted(tx.hash(), Duration.ofSeconds(60))
                .orElseThrow(() -> new IllegalStateException("not committed: " + payload));
    }

    /** One request-or-sequence the round repeats; returns false on a failure (counted, never silent). */
    private interface Call {
        boolean run() throws Exception;
    }

    /** Runs {@code rounds} rounds of {@code roundSeconds} with {@code threads} clients; the median rate. */
    private double median(Call call) throws Exception {
        double[] rates = new double[rounds];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int r = 0; r < rounds; r++) {
                AtomicLong ok = new AtomicLong();
                AtomicLong failed = new AtomicLong();
                long end = System.nanoTime() + Duration.ofSeconds(roundSeconds).toNanos();
                long started = System.nanoTime();
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            try {
                                (call.run() ? ok : failed).incrementAndGet();
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> w : workers) {
                    w.get();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                rates[r] = ok.get() / seconds;
                if (failed.get() > 0) {
                    spec.commandLine().getOut().printf("  round %d: %d failed requests%n", r + 1, failed.get());
                }
            }
        } finally {
            pool.shutdown();
        }
        Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    private boolean signIn(SigningKey key) throws Exception {
        return token(key) != null;
    }

    private String token(SigningKey key) throws Exception {
        KeepAliveHttp.Response c = send("/oauth/challenge", "application/json",
                "{\"address\":\"" + key.address() + "\",\"audience\":\"https://bench.example\"}", null);
        if (c.status() != 200) {
            return null;
        }
        String message = JSON.readTree(c.body()).get("message").asText();
        String form = "grant_type=" + enc("urn:gridchain:params:oauth:grant-type:siwe") + "&message=" + enc(message)
                + "&signature=" + enc(key.sign(PersonalSign.digest(message)).toString());
        KeepAliveHttp.Response t = send("/oauth/token", "application/x-www-form-urlencoded", form, null);
        return t.status() == 200 ? JSON.readTree(t.body()).get("access_token").asText() : null;
    }

    private boolean introspect(String token) throws Exception {
        KeepAliveHttp.Response r = send("/oauth/introspect", "application/x-www-form-urlencoded",
                "token=" + enc(token), "Bearer " + token);
        return r.status() == 200 && r.body().startsWith("{\"active\":true");
    }

    private KeepAliveHttp.Response send(String path, String type, String body, String authorization) throws Exception {
        KeepAliveHttp connection = connections.get();
        if (connection == null || !connection.isOpen()) {
            connection = new KeepAliveHttp(api);
            connections.set(connection);
            opened.add(connection);
        }
        try {
            return connection.post(path, type, body, authorization);
        } catch (java.io.IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Pre-signed lease creations by {@code TENANTS} tenants (a sender may have 1,000 pending transactions),
     * submitted in batches from one thread per tenant; the rate is committed leases over the block time
     * from the block before the first submission to the block of the last lease.
     */
    private String leaseCreations(NodeClient client, SigningKey dev, SigningKey gridNode) throws Exception {
        int tenants = Math.max(1, (leases + 899) / 900);
        List<SigningKey> keys = new ArrayList<>();
        List<TxPayload> funding = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            SigningKey k = SigningKey.random(new SecureRandom());
            keys.add(k);
            funding.add(new io.gridchain.core.account.Transfer(k.address(), 1_000_000_000L));
        }
        List<Transaction> fund = TxBuilder.forNode(client).signAll(dev, funding, TxBuilder.DEFAULT_FEE);
        client.submitBatch(fund);
        client.awaitCommitted(fund.get(fund.size() - 1).hash(), Duration.ofMinutes(1)).orElseThrow();
        List<Transaction> registrations = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            registrations.add(TxBuilder.forNode(client).sign(keys.get(t), TransactionBuilders.register("tenant-" + t, Metadata.EMPTY),
                    TxBuilder.DEFAULT_FEE, 0));
        }
        client.submitBatch(registrations);
        for (Transaction r : registrations) {
            client.awaitCommitted(r.hash(), Duration.ofMinutes(1)).orElseThrow();
        }
        List<List<Transaction>> perTenant = new ArrayList<>();
        int each = leases / tenants;
        for (int t = 0; t < tenants; t++) {
            List<TxPayload> payloads = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                payloads.add(CapacityTransactions.createLease(gridNode.address(), "tenant-" + t, new Resources(1, 0, 0, 0), 0, 1_000));
            }
            perTenant.add(TxBuilder.offline(client.status().chainId()).signAll(keys.get(t), payloads, TxBuilder.DEFAULT_FEE, 1));
        }
        long startHeight = client.status().height();
        long wallStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(tenants, 8));
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<Transaction> txs : perTenant) {
                done.add(pool.submit(() -> {
                    for (NodeViews.BatchResult r : client.submitBatch(txs)) {
                        if (!r.accepted()) {
                            throw new IllegalStateException("lease creation refused: " + r.code().orElse("") + " " + r.detail().orElse(""));
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
        long lastHeight = 0;
        for (List<Transaction> txs : perTenant) {
            NodeViews.TxInfo last = client.awaitCommitted(txs.get(txs.size() - 1).hash(), Duration.ofMinutes(5))
                    .orElseThrow(() -> new IllegalStateException("lease creations were not all committed"));
            lastHeight = Math.max(lastHeight, last.height().orElseThrow());
        }
        double wall = (System.nanoTime() - wallStart) / 1e9;
        int total = each * tenants;
        NodeViews.BlockInfo before = client.block(startHeight);
        NodeViews.BlockInfo end = client.block(lastHeight);
        double blockSeconds = (end.header().timestampMillis() - before.header().timestampMillis()) / 1e3;
        return String.format("%d by %d tenants committed in blocks %d..%d, %.2f s of block time = %.0f/s (wall, submit to last commit: %.2f s = %.0f/s)",
                total, tenants, startHeight + 1, lastHeight, blockSeconds, total / blockSeconds, wall, total / wall);
    }
}
