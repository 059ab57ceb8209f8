package io.gridchain.testnet.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.auth.ClientAssertions;
import io.gridchain.identity.model.Metadata;
import io.gridchain.testnet.process.NodeProcess;
import io.gridchain.wallet.Mnemonic;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.TxBuilder;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A dev node (a separate process, default API limits) under a flood of the requests that cost it most
 * — sign-in challenges, pages of blocks, batches of transactions whose signatures must be recovered,
 * client assertions signed by a key the identity does not have — from {@code --connections} keep-alive
 * connections spread over {@code --flood-addresses} loopback addresses (127.0.0.2 …), while a probe from
 * 127.0.0.1, an honest client, reads {@code /v1/status}, signs in and commits transfers. Reports the
 * probe's latencies and successes and how the flood was answered.
 */
@Command(name = "overload", mixinStandardHelpOptions = true,
        description = "Flood a dev node's costly routes while a probe signs in, reads /v1/status and commits a transfer.")
final class OverloadBench implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "https://bench.example";
    private static final int JUNK_BATCH = 1_000;

    @Option(names = "--dev", required = true, description = "Against a dev node this command starts (the only mode).")
    boolean dev;

    @Option(names = "--connections", defaultValue = "64", description = "Flooding connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--flood-addresses", defaultValue = "8",
            description = "Loopback addresses the flood comes from, each a client to the node (default: ${DEFAULT-VALUE}).")
    int floodAddresses;

    @Option(names = "--duration", defaultValue = "20", description = "Seconds of flood, at most 30 (default: ${DEFAULT-VALUE}).")
    int duration;

    @Option(names = "--node-option", paramLabel = "ARG",
            description = "Extra argument for the dev node, e.g. --node-option=--api-max-costly-in-flight=4 (repeatable).")
    List<String> nodeOptions = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (duration < 1 || duration > 30 || connections < 1 || floodAddresses < 1 || floodAddresses > 200) {
            throw new IllegalArgumentException("--duration is 1..30 s, --connections at least 1, --flood-addresses 1..200");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("gridchain-overload-");
        int port = NodeProcess.freePort();
        List<String> args = new ArrayList<>(List.of("dev", "--data-dir", dir.resolve("dev").toString(),
                "--api-port", Integer.toString(port), "--block-time", "500ms"));
        args.addAll(nodeOptions);
        try (NodeProcess node = NodeProcess.start(NodeProcess.currentJar(), port, dir.resolve("node.log"), Duration.ofSeconds(60),
                args.toArray(String[]::new))) {
            URI api = node.api();
            String base = api.toString().replaceAll("/$", "");
            NodeClient client = NodeClient.create(api);
            SigningKey devKey = Mnemonic.require(JSON.readTree(Files.readString(dir.resolve("dev").resolve("dev-account.json")))
                    .get("mnemonic").asText()).deriveKey(0);
            long chainId = client.status().chainId();
            // an identity, so that assertions naming it reach the signature recovery before they are refused
            Transaction register = TxBuilder.forNode(client).sign(devKey, TransactionBuilders.register("bench", Metadata.EMPTY),
                    TxBuilder.DEFAULT_FEE);
            client.submit(register);
            client.awaitCommitted(register.hash(), Duration.ofSeconds(30)).orElseThrow();
            Flood flood = new Flood(api, base, chainId);
            out.printf("node %s (API limits: " + (nodeOptions.isEmpty() ? "defaults" : String.join(" ", nodeOptions)) + "); flood: %d connections from %d addresses for %d s; probe from 127.0.0.1%n",
                    base, connections, floodAddresses, duration);
            out.flush();
            Probe probe = new Probe(api, devKey, chainId);
            long end = System.nanoTime() + Duration.ofSeconds(duration).toNanos();
            List<Thread> threads = flood.start(connections, floodAddresses, end);
            List<Thread> probes = List.of(start("probe-status", () -> probe.readStatus(end)),
                    start("probe-sign-in", () -> probe.signInAndCommit(end)));
            for (Thread t : threads) {
                t.join();
            }
            for (Thread t : probes) {
                t.join();
            }
            flood.report(out, duration);
            probe.report(out);
            out.println("node log: " + dir.resolve("node.log"));
        }
        return 0;
    }

    /** The flooding connections and how the node answered them. */
    private static final class Flood {
        private final URI api;
        private final String batchBody;
        private final String assertionForm;
        private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();

        Flood(URI api, String base, long chainId) {
            this.api = api;
            SecureRandom random = new SecureRandom();
            SigningKey to = SigningKey.random(random);
            StringJoiner txs = new StringJoiner(",", "{\"txs\":[", "]}");
            for (int i = 0; i < JUNK_BATCH; i++) { // unfunded senders: each refused after its sender is recovered
                Transaction tx = new UnsignedTransaction(chainId, 0, 1_000, new Transfer(to.address(), 1))
                        .signWith(SigningKey.random(random));
                txs.add("\"" + Hex.encodePrefixed(tx.encode()) + "\"");
            }
            this.batchBody = txs.toString();
            String assertion = ClientAssertions.create(SigningKey.random(random), "bench", base + "/oauth/token",
                    Instant.now(), Duration.ofMinutes(4));
            this.assertionForm = "grant_type=client_credentials&client_id=bench&client_assertion_type="
                    + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer") + "&client_assertion=" + enc(assertion);
        }

        List<Thread> start(int connections, int addresses, long end) {
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int index = c;
                threads.add(OverloadBench.start("flood-" + c, () -> flood(index, addresses, end)));
            }
            return threads;
        }

        private void flood(int index, int addresses, long end) {
            InetAddress local;
            try {
                local = InetAddress.getByName("127.0.0." + (2 + index % addresses));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            KeepAliveHttp http = null;
            long n = index;
            while (System.nanoTime() < end) {
                String kind = switch ((int) (n++ % 4)) {
                    case 0 -> "challenge";
                    case 1 -> "blocks";
                    case 2 -> "batch";
                    default -> "assertion";
                };
                try {
                    if (http == null || !http.isOpen()) {
                        http = new KeepAliveHttp(api, local);
                    }
                    KeepAliveHttp.Response r = switch (kind) {
                        case "challenge" -> http.post("/oauth/challenge", "application/json", "{\"address\":\""
                                + SigningKey.random(new SecureRandom()).address() + "\",\"audience\":\"" + AUDIENCE + "\"}", null);
                        case "blocks" -> http.get("/v1/blocks?from=0&limit=100");
                        case "batch" -> http.post("/v1/txs/batch", "application/json", batchBody, null);
                        default -> http.post("/oauth/token", "application/x-www-form-urlencoded", assertionForm, null);
                    };
                    count(kind, Integer.toString(r.status()));
                } catch (IOException | RuntimeException e) {
                    count(kind, "error");
                    close(http);
                    http = null;
                }
            }
            close(http);
        }

        private void count(String kind, String status) {
            answers.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
            answers.computeIfAbsent("all " + status, k -> new LongAdder()).increment();
        }

        void report(PrintWriter out, int seconds) {
            Map<String, Long> sorted = new TreeMap<>();
            answers.forEach((k, v) -> sorted.put(k, v.sum()));
            long all = sorted.entrySet().stream().filter(e -> e.getKey().startsWith("all ")).mapToLong(Map.Entry::getValue).sum();
            out.printf("flood: %d requests in %d s (%.0f/s); answers:%n", all, seconds, all / (double) seconds);
            sorted.forEach((k, v) -> out.printf("  %-22s %8d%n", k, v));
            long limited = sorted.getOrDefault("all 429", 0L);
            long overloaded = sorted.getOrDefault("all 503", 0L);
            out.printf("flood share: 429 %.1f%%, 503 %.1f%%, together %.1f%%%n", 100.0 * limited / all,
                    100.0 * overloaded / all, 100.0 * (limited + overloaded) / all);
        }
    }

    /** The honest client: reads the status continuously, and every two seconds signs in and commits a transfer. */
    private static final class Probe {
        private final URI api;
        private final SigningKey key;
        private final long chainId;
        private final List<Long> statusNanos = new ArrayList<>();
        private final List<Long> signInNanos = new ArrayList<>();
        private final List<Long> commitNanos = new ArrayList<>();
        private int statusFailures;
        private int signInFailures;
        private int commitFailures;
        private int retriesAfter503;
        private long nonce = -1;

        Probe(URI api, SigningKey key, long chainId) {
            this.api = api;
            this.key = key;
            this.chainId = chainId;
        }

        /** Reads the status every 20 ms until {@code end}, on its own connection. */
        void readStatus(long end) {
            try (KeepAliveHttp http = new KeepAliveHttp(api)) {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    KeepAliveHttp.Response status = http.get("/v1/status");
                    long took = System.nanoTime() - t0;
                    if (status.status() == 200) {
                        statusNanos.add(took);
                    } else {
                        statusFailures++;
                    }
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                statusFailures++;
            }
        }

        /** Every two seconds until {@code end}: a sign-in, then a transfer submitted and awaited. */
        void signInAndCommit(long end) {
            try (KeepAliveHttp http = new KeepAliveHttp(api)) {
                nonce = NodeClient.create(api).account(key.address()).nonce();
                while (System.nanoTime() < end) {
                    long next = System.nanoTime() + 2_000_000_000L;
                    timed(signInNanos, () -> signIn(http), () -> signInFailures++);
                    timed(commitNanos, () -> commitTransfer(http, end), () -> commitFailures++);
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                signInFailures++;
            }
        }

        private interface Step {
            boolean run() throws IOException, InterruptedException;
        }

        private static void timed(List<Long> into, Step step, Runnable failed) throws IOException, InterruptedException {
            long t0 = System.nanoTime();
            if (step.run()) {
                into.add(System.nanoTime() - t0);
            } else {
                failed.run();
            }
        }

        /** As an honest client does: a 429 or 503 is retried after its {@code Retry-After}, a few times. */
        private KeepAliveHttp.Response post(KeepAliveHttp http, String path, String type, String body)
                throws IOException, InterruptedException {
            KeepAliveHttp.Response r = http.post(path, type, body, null);
            for (int i = 0; i < 5 && (r.status() == 429 || r.status() == 503) && !r.body().contains("mempool"); i++) {
                retriesAfter503++;
                Thread.sleep(1_000);
                r = http.post(path, type, body, null);
            }
            return r;
        }

        private boolean signIn(KeepAliveHttp http) throws IOException, InterruptedException {
            KeepAliveHttp.Response c = post(http, "/oauth/challenge", "application/json",
                    "{\"address\":\"" + key.address() + "\",\"audience\":\"" + AUDIENCE + "\"}");
            if (c.status() != 200) {
                return false;
            }
            String message = JSON.readTree(c.body()).get("message").asText();
            String form = "grant_type=" + enc("urn:gridchain:params:oauth:grant-type:siwe") + "&message=" + enc(message)
                    + "&signature=" + enc(key.sign(PersonalSign.digest(message)).toString());
            return post(http, "/oauth/token", "application/x-www-form-urlencoded", form).status() == 200;
        }

        private boolean commitTransfer(KeepAliveHttp http, long end) throws IOException, InterruptedException {
            if (nonce < 0) {
                return false;
            }
            Transaction tx = new UnsignedTransaction(chainId, nonce, TxBuilder.DEFAULT_FEE,
                    new Transfer(SigningKey.random(new SecureRandom()).address(), 1)).signWith(key);
            KeepAliveHttp.Response r = post(http, "/v1/txs", "application/json",
                    "{\"tx\":\"" + Hex.encodePrefixed(tx.encode()) + "\"}");
            if (r.status() != 202) {
                return false;
            }
            nonce++;
            long deadline = Math.max(end, System.nanoTime()) + 10_000_000_000L;
            while (System.nanoTime() < deadline) {
                KeepAliveHttp.Response t = http.get("/v1/txs/" + tx.hash().toHex());
                if (t.status() == 200 && t.body().contains("\"committed\"")) {
                    return true;
                }
                Thread.sleep(50);
            }
            return false;
        }

        void report(PrintWriter out) {
            out.printf("probe GET /v1/status: %d answered, %d failed; p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    statusNanos.size(), statusFailures, percentile(statusNanos, 50), percentile(statusNanos, 99),
                    percentile(statusNanos, 100));
            out.printf("probe sign-in (challenge + token): %d succeeded, %d failed; p50 %.1f ms, max %.1f ms%n",
                    signInNanos.size(), signInFailures, percentile(signInNanos, 50), percentile(signInNanos, 100));
            out.printf("probe transfer submit-to-commit: %d committed, %d failed; p50 %.0f ms, max %.0f ms%n",
                    commitNanos.size(), commitFailures, percentile(commitNanos, 50), percentile(commitNanos, 100));
            out.printf("probe requests retried after 429/503: %d%n", retriesAfter503);
        }

        private static double percentile(List<Long> nanos, int p) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(nanos);
            sorted.sort(null);
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    private static void close(KeepAliveHttp http) {
        if (http != null) {
            try {
                http.close();
            } catch (IOException ignored) {
                // closing a broken connection
            }
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
