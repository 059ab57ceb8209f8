package io.gridchain.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.tx.Transaction;
import io.gridchain.wallet.NodeViews.AccountProof;
import io.gridchain.wallet.NodeViews.LeaseProof;
import io.gridchain.wallet.NodeViews.AccountState;
import io.gridchain.wallet.NodeViews.BatchResult;
import io.gridchain.wallet.NodeViews.BlockInfo;
import io.gridchain.wallet.NodeViews.Status;
import io.gridchain.wallet.NodeViews.Submitted;
import io.gridchain.wallet.NodeViews.TxInfo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed client of the node's {@code /v1} HTTP API. Every call either returns a value or throws
 * {@link NodeProblem} (the node refused: its RFC 9457 detail is the message) or
 * {@link NodeClientException} (the node could not be reached, or answered outside the contract).
 */
public final class NodeClient {
    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Duration pollInterval;

    public NodeClient(URI base, HttpClient http, Duration requestTimeout, Duration pollInterval) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.pollInterval = pollInterval;
    }

    /** E.g. {@code NodeClient.create(URI.create("http://127.0.0.1:8080"))}. */
    public static NodeClient create(URI base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new NodeClient(base, http, Duration.ofSeconds(30), Duration.ofMillis(250));
    }

    public Status status() {
        return get("v1/status", NodeJson::status);
    }

    public AccountState account(Address address) {
        return get("v1/accounts/" + address, NodeJson::account);
    }

    public Submitted submit(Transaction tx) {
        ObjectNode body = NodeJson.MAPPER.createObjectNode().put("tx", Hex.encodePrefixed(tx.encode()));
        return send(post("v1/txs", body), NodeJson::submitted);
    }

    public List<BatchResult> submitBatch(List<Transaction> txs) {
        ObjectNode body = NodeJson.MAPPER.createObjectNode();
        ArrayNode encoded = body.putArray("txs");
        txs.forEach(tx -> encoded.add(Hex.encodePrefixed(tx.encode())));
        return send(post("v1/txs/batch", body), NodeJson::batch);
    }

    /** @throws NodeProblem with status 404 if the node does not know the transaction */
    public TxInfo transaction(Hash32 hash) {
        return get("v1/txs/" + hash.toHex(), NodeJson::tx);
    }

    public BlockInfo block(long height) {
        return get("v1/blocks/" + height, NodeJson::block);
    }

    public BlockInfo block(Hash32 hash) {
        return get("v1/blocks/" + hash.toHex(), NodeJson::block);
    }

    public List<BlockInfo> blocks(long from, int limit) {
        return get("v1/blocks?from=" + from + "&limit=" + limit, NodeJson::blocks);
    }

    public AccountProof accountProof(Address address) {
        return get("v1/proofs/accounts/" + address, NodeJson::accountProof);
    }

    /**
     * Any read of the node API as JSON, e.g. {@code v1/identities/alice}, {@code v1/leases/7}: the routes of
     * the identity and capacity registries are described in the node's {@code /openapi.json}.
     */
    public JsonNode read(String path) {
        return get(path, n -> n);
    }

    /** A JSON POST, e.g. {@code v1/leases/verify} or {@code oauth/challenge}. */
    public JsonNode postJson(String path, JsonNode body) {
        return send(post(path, body), n -> n);
    }

    /** A form POST (RFC 6749), e.g. {@code oauth/token}; an OAuth error becomes a {@link NodeProblem}. */
    public JsonNode postForm(String path, java.util.Map<String, String> form) {
        java.util.StringJoiner body = new java.util.StringJoiner("&");
        form.forEach((k, v) -> body.add(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(), n -> n);
    }

    /** Sign-in with Ethereum: the challenge message for {@code address} to sign, for a service {@code audience}. */
    public JsonNode challenge(Address address, String audience) {
        com.fasterxml.jackson.databind.node.ObjectNode body = NodeJson.MAPPER.createObjectNode();
        body.put("address", address.toString()).put("audience", audience);
        return postJson("oauth/challenge", body);
    }

    /** The SIWE grant: the signed challenge message for an access token. */
    public JsonNode siweToken(String message, String signature, java.util.Optional<String> identity) {
        return siweToken(message, signature, identity, java.util.List.of());
    }

    /** The SIWE grant asking for {@code scopes} too (e.g. {@code memberof:acme}); the node grants those that hold. */
    public JsonNode siweToken(String message, String signature, java.util.Optional<String> identity,
                              java.util.List<String> scopes) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        if (!scopes.isEmpty()) {
            form.put("scope", String.join(" ", scopes));
        }
        form.put("grant_type", "urn:gridchain:params:oauth:grant-type:siwe");
        form.put("message", message);
        form.put("signature", signature);
        identity.ifPresent(i -> form.put("identity", i));
        return postForm("oauth/token", form);
    }

    /** The lease record with its proof; check it with {@link LeaseProofVerifier}, knowing the validator set. */
    public LeaseProof leaseProof(long leaseId) {
        return get("v1/proofs/leases/" + leaseId, NodeJson::leaseProof);
    }

    /** What a light client needs to verify {@code height}: header, certificate, validator set, next set's proof. */
    public io.gridchain.lightclient.LightBlock lightBlock(long height) {
        return get("v1/light/" + height, NodeJson::lightBlock);
    }

    /**
     * Polls until the transaction is committed; empty if {@code timeout} passes first. A 404 while
     * waiting counts as "not yet": a just-submitted transaction may still be on its way to this node.
     */
    public Optional<TxInfo> awaitCommitted(Hash32 hash, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                TxInfo info = transaction(hash);
                if (info.isCommitted()) {
                    return Optional.of(info);
                }
            } catch (NodeProblem p) {
                if (!p.isNotFound()) {
                    throw p;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            sleep(Math.min(left, pollInterval.toNanos()));
        }
    }

    public URI base() {
        return base;
    }

    private <T> T get(String path, Function<JsonNode, T> mapper) {
        return send(request(path).GET().build(), mapper);
    }

    private HttpRequest post(String path, JsonNode body) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json");
    }

    private <T> T send(HttpRequest request, Function<JsonNode, T> mapper) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NodeClientException("cannot reach the node at " + base + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeClientException("interrupted while waiting for the node at " + base, e);
        }
        if (response.statusCode() >= 400) {
            throw NodeProblems.from(response.statusCode(), response.body());
        }
        JsonNode json;
        try {
            json = NodeJson.MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new NodeClientException("the node at " + base + " answered " + request.uri().getPath()
                    + " with something that is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new NodeClientException("the node's answer to " + request.uri().getPath() + " is not a JSON object");
        }
        return mapper.apply(json);
    }

    /** What went wrong, in words: java.net.http gives a refused connection no message, only its class. */
    private static String describe(IOException e) {
        if (e instanceof java.net.ConnectException) {
            return "connection refused (is a node running there? --node names another)";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos).toMillis(), (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NodeClientException("interrupted while waiting for a transaction", e);
        }
    }
}
