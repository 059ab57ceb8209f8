package io.gridchain.node.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.GridchainNode;
import io.gridchain.node.chain.SingleValidatorCertifier;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.node.mempool.Mempool;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/** A real node on 127.0.0.1 (LevelDB under {@code dataDir}) and a small HTTP client for tests. */
public final class RunningNode implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    public final TestChain chain;
    public final GridchainNode node;
    public final HttpClient http = HttpClient.newHttpClient();
    private final Map<SigningKey, Long> nonces = new HashMap<>();

    public RunningNode(TestChain chain, Path dataDir, Duration blockTime) {
        this(chain, dataDir, blockTime, 0);
    }

    /** On a fixed API port: a node restarted on the same port keeps its OAuth issuer (its URL). */
    public RunningNode(TestChain chain, Path dataDir, Duration blockTime, int apiPort) {
        this(chain, dataDir, blockTime, apiPort, c -> c);
    }

    /** With {@code adjust} applied to the node's configuration, e.g. to set its API or mempool limits. */
    public RunningNode(TestChain chain, Path dataDir, Duration blockTime, int apiPort,
                       java.util.function.UnaryOperator<NodeConfig> adjust) {
        this.chain = chain;
        NodeConfig config = adjust.apply(new NodeConfig(dataDir, "127.0.0.1", apiPort, 0, blockTime, Mempool.Limits.DEFAULT));
        this.node = GridchainNode.start(config, chain.genesis, chain.validator,
                new SingleValidatorCertifier(chain.validator, TestChain.CHAIN_ID), Clock.systemUTC());
    }

    public String base() {
        return "http://127.0.0.1:" + node.apiPort();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> form(String path, Map<String, String> form, String... headers) throws Exception {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** Signs with the next nonce of {@code key} (tracked here) and submits. */
    public HttpResponse<String> submit(SigningKey key, TxPayload payload) throws Exception {
        long nonce = nonces.getOrDefault(key, 0L);
        Transaction tx = new UnsignedTransaction(TestChain.CHAIN_ID, nonce, 1_000, payload).signWith(key);
        HttpResponse<String> r = post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(tx.encode()) + "\"}");
        if (r.statusCode() == 202) {
            nonces.put(key, nonce + 1);
        }
        return r;
    }

    /** Submits and waits until committed; fails on refusal. Returns the committed transaction's JSON. */
    public JsonNode commit(SigningKey key, TxPayload payload) throws Exception {
        HttpResponse<String> r = submit(key, payload);
        if (r.statusCode() != 202) {
            throw new AssertionError("refused: " + r.body());
        }
        String hash = json(r).get("hash").asText();
        for (int i = 0; i < 200; i++) {
            JsonNode tx = json(get("/v1/txs/" + hash));
            if ("committed".equals(tx.path("status").asText())) {
                return tx;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("transaction " + hash + " was not committed");
    }

    @Override
    public void close() {
        node.close();
    }
}
