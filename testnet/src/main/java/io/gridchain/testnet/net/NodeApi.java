package io.gridchain.testnet.net;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a networked node's API that the testnet tools read: its status with the network
 * fields, and blocks with their commit certificates (whose shape the wallet's client leaves open).
 */
public final class NodeApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration BLOCK_TIMEOUT = Duration.ofSeconds(10);
    private final URI base;

    public NodeApi(URI base) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
    }

    public record Status(long height, String latestBlockHash, boolean validator, boolean syncing, long targetHeight,
                         int peers) {}

    /** A commit certificate: 2/3+ precommits of {@code round} for {@code blockHash}, by these validators. */
    public record Certificate(long height, int round, String blockHash, List<String> validators) {}

    /** A block; {@code commit} is the certificate this node stored for it, {@code lastCommit} the parent's as the block carries it. */
    public record Block(long height, String hash, String stateRoot, long timestampMillis, List<String> transactions,
                        Optional<Certificate> commit, Optional<Certificate> lastCommit) {}

    public URI base() {
        return base;
    }

    /** Empty when the node does not answer (down, starting, or too busy for two seconds). */
    public Optional<Status> status() {
        return get("v1/status", STATUS_TIMEOUT).map(j -> new Status(j.path("height").asLong(), j.path("latestBlockHash").asText(),
                j.path("validator").asBoolean(), j.path("syncing").asBoolean(), j.path("targetHeight").asLong(),
                j.path("peers").asInt()));
    }

    /** The addresses (lowercase) of the chain's validator set now, from {@code GET /v1/governance}; empty if no answer. */
    public Optional<java.util.Set<String>> validators() {
        return get("v1/governance", STATUS_TIMEOUT).map(j -> {
            java.util.Set<String> set = new java.util.HashSet<>();
            for (JsonNode v : j.path("validators")) {
                set.add(v.path("address").asText().toLowerCase(java.util.Locale.ROOT));
            }
            return set;
        });
    }

    /**
     * A block as this node stored it. Blocks of thousands of transactions take a loaded node longer
     * than a status to serve, so this waits longer and asks three times before giving up.
     */
    public Block block(long height) {
        Optional<JsonNode> answer = Optional.empty();
        for (int attempt = 0; attempt < 3 && answer.isEmpty(); attempt++) {
            answer = get("v1/blocks/" + height, BLOCK_TIMEOUT);
        }
        JsonNode j = answer.orElseThrow(() -> new IllegalStateException(base + " did not return block " + height
                + " within 3 attempts of " + BLOCK_TIMEOUT.toSeconds() + " s"));
        List<String> txs = new ArrayList<>();
        for (JsonNode tx : j.path("transactions")) {
            txs.add(tx.path("hash").asText());
        }
        return new Block(j.path("height").asLong(), j.path("hash").asText(), j.path("header").path("stateRoot").asText(),
                java.time.Instant.parse(j.path("header").path("timestamp").asText()).toEpochMilli(), txs,
                certificate(j.path("commit")), certificate(j.path("lastCommit")));
    }

    private static Optional<Certificate> certificate(JsonNode c) {
        if (c.isMissingNode() || c.isNull()) {
            return Optional.empty();
        }
        List<String> validators = new ArrayList<>();
        for (JsonNode s : c.path("signatures")) {
            validators.add(s.path("validator").asText());
        }
        return Optional.of(new Certificate(c.path("height").asLong(), c.path("round").asInt(), c.path("blockHash").asText(),
                validators));
    }

    private Optional<JsonNode> get(String path, Duration timeout) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(JSON.readTree(r.body()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
