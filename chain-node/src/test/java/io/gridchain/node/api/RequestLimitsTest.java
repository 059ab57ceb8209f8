package io.gridchain.node.api;

import static io.gridchain.node.testing.RunningNode.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client sees when it or the node is over a limit: real node, real sockets on 127.0.0.1 (and
 * 127.0.0.2, another client of the same machine).
 */
class RequestLimitsTest {
    private final TestChain chain = new TestChain(2);
    private final Address bob = SigningKey.random(new SecureRandom()).address();
    @TempDir
    Path dataDir;
    private RunningNode n;

    private RunningNode start(Duration blockTime, UnaryOperator<io.gridchain.node.config.NodeConfig> adjust) {
        n = new RunningNode(chain, dataDir, blockTime, 0, adjust);
        return n;
    }

    @AfterEach
    void stop() {
        if (n != null) {
            n.close();
        }
    }

    private static final String CHALLENGE = "{\"address\":\"0x0000000000000000000000000000000000000001\",\"audience\":\"https://portal.grid.example\"}";

    @Test
    void aClientOverItsRateIs429WithRetryAfterWhileOtherClientsAndCheapReadsAreServed() throws Exception {
        start(Duration.ofMillis(100), c -> c.withApiLimits(ApiLimits.DEFAULT.withClientRate(0.2, 5)));
        for (int i = 0; i < 5; i++) {
            assertThat(n.post("/oauth/challenge", CHALLENGE).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = n.post("/oauth/challenge", CHALLENGE);
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.CONTENT_TYPE));
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1L, 5L); // one unit at 0.2 a second
        assertThat(json(limited).get("code").asText()).isEqualTo("rate-limited");
        assertThat(json(limited).get("detail").asText()).contains("127.0.0.1");
        // the same bucket guards every costly route of this client
        assertThat(n.get("/v1/blocks").statusCode()).isEqualTo(429);
        // a cheap read is not limited; another address is another client
        assertThat(n.get("/v1/status").statusCode()).isEqualTo(200);
        assertThat(raw("127.0.0.2", "POST /oauth/challenge", CHALLENGE, true)).startsWith("HTTP/1.1 200");
    }

    @Test
    void beyondTheCostlyBoundCostlyRequestsAre503AtOnceAndCheapOnesAreStillServed() throws Exception {
        start(Duration.ofMillis(100), c -> c.withApiLimits(ApiLimits.DEFAULT.withInFlight(1, 10)));
        try (Socket slow = openSlowPost()) {
            HttpResponse<String> busy = awaitStatus("/v1/txs", 503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(busy.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith(Problem.CONTENT_TYPE));
            assertThat(json(busy).get("code").asText()).isEqualTo("overloaded");
            assertThat(json(busy).get("detail").asText()).contains("1 costly requests");
            assertThat(n.get("/v1/status").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> after = awaitStatus("/v1/txs", 400); // the slow one gone: served again
        assertThat(json(after).get("code").asText()).isEqualTo("malformed-json");
    }

    @Test
    void beyondTheNodesBoundEveryRequestIs503AtOnce() throws Exception {
        start(Duration.ofMillis(100), c -> c.withApiLimits(ApiLimits.DEFAULT.withInFlight(4, 1)));
        try (Socket slow = openSlowPost()) {
            HttpResponse<String> full = awaitGetStatus("/v1/status", 503);
            assertThat(full.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(json(full).get("code").asText()).isEqualTo("overloaded");
            assertThat(json(full).get("detail").asText()).contains("1 requests");
        }
        awaitGetStatus("/v1/status", 200);
    }

    @Test
    void refusedRequestsGiveTheirPlacesBack() throws Exception {
        start(Duration.ofMillis(100), c -> c.withApiLimits(ApiLimits.DEFAULT.withClientRate(0.001, 1).withInFlight(2, 3)));
        assertThat(n.post("/oauth/challenge", CHALLENGE).statusCode()).isEqualTo(200);
        for (int i = 0; i < 10; i++) { // each refused before the route: none may keep its place in flight
            assertThat(n.post("/oauth/challenge", CHALLENGE).statusCode()).isEqualTo(429);
            assertThat(n.get("/v1/nope").statusCode()).isEqualTo(404);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(n.get("/v1/status").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aBatchIsBoundedByCountAndBytesBeforeAnySignatureIsRecovered() throws Exception {
        start(Duration.ofMillis(100), c -> c.withApiLimits(ApiLimits.DEFAULT.withBatch(3, 2_000)));
        HttpResponse<String> four = n.post("/v1/txs/batch", batch(transfers(0, 4)));
        assertThat(four.statusCode()).as(four.body()).isEqualTo(413);
        assertThat(json(four).get("code").asText()).isEqualTo("batch-too-large");
        assertThat(json(four).get("detail").asText()).contains("at most 3 transactions");
        String padded = "{\"txs\":[],\"pad\":\"" + "x".repeat(2_000) + "\"}";
        HttpResponse<String> big = n.post("/v1/txs/batch", padded);
        assertThat(big.statusCode()).as(big.body()).isEqualTo(413);
        assertThat(json(big).get("detail").asText()).contains("at most 2000 bytes");
        HttpResponse<String> three = n.post("/v1/txs/batch", batch(transfers(0, 3)));
        assertThat(three.statusCode()).as(three.body()).isEqualTo(200);
        assertThat(n.node.mempool().size() + n.node.ledger().head().height()).isPositive();
    }

    @Test
    void aBlockPageStopsAtItsTransactionBudgetAndSaysWhereTheNextStarts() throws Exception {
        start(Duration.ofMillis(50), c -> c.withApiLimits(ApiLimits.DEFAULT.withPageTransactions(2)));
        long first = commitBatch(transfers(0, 3));
        long second = commitBatch(transfers(3, 3));
        JsonNode page = json(n.get("/v1/blocks?from=" + first + "&limit=100"));
        List<JsonNode> blocks = new ArrayList<>();
        page.get("blocks").forEach(blocks::add);
        int txs = blocks.stream().mapToInt(b -> b.get("transactions").size()).sum();
        assertThat(txs).as(page.toString()).isEqualTo(3); // the first block's 3, over the budget of 2 but one block
        assertThat(page.get("next").asLong()).isGreaterThan(first).isLessThanOrEqualTo(second);
        JsonNode next = json(n.get("/v1/blocks?from=" + page.get("next").asLong() + "&limit=100"));
        int nextTxs = 0;
        for (JsonNode b : next.get("blocks")) {
            nextTxs += b.get("transactions").size();
        }
        assertThat(nextTxs).isEqualTo(3);
    }

    @Test
    void aFullMempoolSaysRetryLaterAndKeepsWhatItAccepted() throws Exception {
        start(Duration.ofHours(1), c -> new io.gridchain.node.config.NodeConfig(c.dataDir(), c.apiHost(), c.apiPort(),
                c.p2pPort(), c.blockTime(), new io.gridchain.node.mempool.Mempool.Limits(2, 1 << 20, 10)));
        List<Transaction> txs = transfers(0, 2);
        for (Transaction tx : txs) {
            assertThat(n.post("/v1/txs", body(tx)).statusCode()).isEqualTo(202);
        }
        Transaction other = new UnsignedTransaction(TestChain.CHAIN_ID, 0, 1_000, new Transfer(bob, 1))
                .signWith(chain.accounts.get(1));
        HttpResponse<String> full = n.post("/v1/txs", body(other));
        assertThat(full.statusCode()).as(full.body()).isEqualTo(503);
        assertThat(full.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(full).get("code").asText()).isEqualTo("mempool-full");
        assertThat(json(full).get("detail").asText()).contains("retry later");
        for (Transaction tx : txs) {
            assertThat(json(n.get("/v1/txs/" + tx.hash().toHex())).get("status").asText()).isEqualTo("pending");
        }
        assertThat(json(n.get("/v1/accounts/" + chain.accounts.get(0).address())).get("pendingNonce").asLong()).isEqualTo(2);
    }

    private List<Transaction> transfers(long fromNonce, int count) {
        List<Transaction> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new UnsignedTransaction(TestChain.CHAIN_ID, fromNonce + i, 1_000, new Transfer(bob, 1))
                    .signWith(chain.accounts.get(0)));
        }
        return out;
    }

    private static String body(Transaction tx) {
        return "{\"tx\":\"" + Hex.encodePrefixed(tx.encode()) + "\"}";
    }

    private static String batch(List<Transaction> txs) {
        StringJoiner j = new StringJoiner(",", "{\"txs\":[", "]}");
        txs.forEach(tx -> j.add("\"" + Hex.encodePrefixed(tx.encode()) + "\""));
        return j.toString();
    }

    /** Submits a batch and waits for all of it to be committed; returns the height of the last. */
    private long commitBatch(List<Transaction> txs) throws Exception {
        assertThat(n.post("/v1/txs/batch", batch(txs)).statusCode()).isEqualTo(200);
        long height = -1;
        for (Transaction tx : txs) {
            for (int i = 0; i < 200; i++) {
                JsonNode t = json(n.get("/v1/txs/" + tx.hash().toHex()));
                if ("committed".equals(t.path("status").asText())) {
                    height = Math.max(height, t.get("height").asLong());
                    break;
                }
                Thread.sleep(25);
            }
        }
        assertThat(height).isPositive();
        return height;
    }

    /** A POST whose body never comes: its handler waits reading it, holding its place in flight. */
    private Socket openSlowPost() throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), n.node.apiPort());
        OutputStream out = s.getOutputStream();
        out.write(("POST /v1/txs HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    private HttpResponse<String> awaitStatus(String path, int status) throws Exception {
        HttpResponse<String> r = null;
        for (int i = 0; i < 100; i++) {
            r = n.post(path, "{");
            if (r.statusCode() == status) {
                return r;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("POST " + path + " never answered " + status + "; last: " + r.statusCode() + " " + r.body());
    }

    private HttpResponse<String> awaitGetStatus(String path, int status) throws Exception {
        HttpResponse<String> r = null;
        for (int i = 0; i < 100; i++) {
            r = n.get(path);
            if (r.statusCode() == status) {
                return r;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("GET " + path + " never answered " + status + "; last: " + r.statusCode() + " " + r.body());
    }

    /** One HTTP/1.1 request from {@code localAddress}; returns the whole response. */
    private String raw(String localAddress, String requestLine, String body, boolean json) throws Exception {
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(localAddress, 0));
            s.connect(new InetSocketAddress("127.0.0.1", n.node.apiPort()), 2_000);
            s.setSoTimeout(5_000);
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            s.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (json ? "Content-Type: application/json\r\n" : "") + "Content-Length: " + b.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(b);
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
