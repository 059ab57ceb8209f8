package io.gridchain.node.api.capacity;

import static io.gridchain.node.testing.RunningNode.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.capacity.CapacityParams;
import io.gridchain.capacity.CapacityQueries;
import io.gridchain.capacity.CapacityStore;
import io.gridchain.capacity.CapacityTransactions;
import io.gridchain.capacity.Lease;
import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.Metadata;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import io.gridchain.wallet.LeaseProofVerifier;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeViews;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Farms, grid nodes and leases on a running node: the reads, lease verification (by name and by access
 * token), the lease proof checked by the wallet's verifier with the validator set only, lease events over
 * SSE, and the refusals of issue 7.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapacityApiTest {
    private static final Prices PRICES = new Prices(3_600_000, 360_000, 3_600, 0);
    @TempDir
    static Path dataDir;
    private RunningNode n;
    private SigningKey farmer;
    private SigningKey tenant;
    private final SigningKey gridNode = SigningKey.random(new SecureRandom());
    private final SigningKey smallNode = SigningKey.random(new SecureRandom());
    private long farmId;

    @BeforeAll
    void buildChain() throws Exception {
        CapacityParams params = new CapacityParams(new Prices(0, 0, 0, 0),
                new Prices(1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L), 2, 2, Optional.empty());
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS,
                d -> d.withIdentity(GenesisDocument.IdentitySection.DEV).withCapacity(params));
        n = new RunningNode(chain, dataDir, Duration.ofMillis(50));
        farmer = chain.accounts.get(0);
        tenant = chain.accounts.get(1);
        n.commit(farmer, TransactionBuilders.register("farmer", Metadata.EMPTY));
        n.commit(tenant, TransactionBuilders.register("tenant", Metadata.EMPTY));
        JsonNode farm = n.commit(farmer, CapacityTransactions.createFarm("green-farm", "farmer", farmer.address()));
        farmId = Long.parseLong(event(farm, "farm.created").get("farm").asText());
        n.commit(farmer, CapacityTransactions.registerNode(gridNode, TestChain.CHAIN_ID, farmId, new Resources(8, 32, 1000, 0), "ghent", PRICES));
        n.commit(farmer, CapacityTransactions.registerNode(smallNode, TestChain.CHAIN_ID, farmId, new Resources(1, 1, 1, 0), "ghent", PRICES));
    }

    @AfterAll
    void stop() {
        n.close();
    }

    private static JsonNode event(JsonNode tx, String type) {
        for (JsonNode e : tx.get("receipt").get("events")) {
            if (e.get("type").asText().equals(type)) {
                return e.get("attributes");
            }
        }
        throw new AssertionError("no " + type + " event in " + tx);
    }

    private long lease(Resources r, long escrow) throws Exception {
        JsonNode tx = n.commit(tenant, CapacityTransactions.createLease(gridNode.address(), "tenant", r, 0, escrow));
        return Long.parseLong(event(tx, "lease.created").get("lease").asText());
    }

    private JsonNode verify(String tenantField, int cru) throws Exception {
        return json(n.post("/v1/leases/verify", "{\"node\":\"" + gridNode.address() + "\",\"tenant\":\"" + tenantField
                + "\",\"resources\":{\"cru\":" + cru + "}}"));
    }

    private void assertRefused(HttpResponse<String> r, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(json(r).get("code").asText()).as(r.body()).isEqualTo(code);
    }

    @Test
    void farmsAndNodesShowCapacityAndPrices() throws Exception {
        JsonNode farm = json(n.get("/v1/farms/" + farmId));
        assertThat(farm.get("name").asText()).isEqualTo("green-farm");
        assertThat(json(n.get("/v1/farms/green-farm")).get("id").asLong()).isEqualTo(farmId);
        JsonNode node = json(n.get("/v1/nodes/" + gridNode.address()));
        assertThat(node.get("capacity").get("cru").asLong()).isEqualTo(8);
        assertThat(node.get("pricesPerHour").get("cru").asText()).isEqualTo("3600000");
        JsonNode search = json(n.get("/v1/nodes?farm=" + farmId + "&free_cru=4"));
        assertThat(search.get("nodes")).hasSize(1);
        assertThat(search.get("nodes").get(0).get("id").asText()).isEqualTo(gridNode.address().toString());
        JsonNode quote = json(n.get("/v1/nodes/" + gridNode.address() + "/quote?cru=1&seconds=3600"));
        assertThat(quote.get("cost").asText()).isEqualTo("3600000");
        assertRefused(n.get("/v1/nodes/" + SigningKey.random(new SecureRandom()).address()), "unknown-node");
        assertRefused(n.get("/v1/farms/999"), "unknown-farm");
    }

    @Test
    void aQuoteThatOverflowsIsABadRequestNotAnInternalError() throws Exception {
        HttpResponse<String> huge = n.get("/v1/nodes/" + gridNode.address() + "/quote?cru=" + Long.MAX_VALUE + "&seconds=3600");
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
        assertThat(json(huge).get("code").asText()).isEqualTo("quote-overflow");
    }

    @Test
    void aLeaseIsVerifiedByNameAndByAccessTokenAndListed() throws Exception {
        long id = lease(new Resources(2, 4, 0, 0), 3_600_000L * 2);
        JsonNode ok = verify("tenant", 2);
        assertThat(ok.get("valid").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.get("state").asText()).isEqualTo("active");
        assertThat(verify("tenant", 3).get("valid").asBoolean()).isFalse();
        assertThat(verify("nobody", 1).get("valid").asBoolean()).isFalse();

        String token = accessToken(tenant, "tenant");
        JsonNode byToken = verify(token, 1);
        assertThat(byToken.get("valid").asBoolean()).isTrue();
        assertThat(byToken.get("tenant").asText()).isEqualTo("tenant");
        assertThat(byToken.get("tenantFrom").asText()).isEqualTo("token");
        HttpResponse<String> forged = n.post("/v1/leases/verify", "{\"node\":\"" + gridNode.address()
                + "\",\"tenant\":\"" + token.substring(0, token.length() - 4) + "AAAA\",\"resources\":{\"cru\":1}}");
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> otherAudience = n.post("/v1/leases/verify", "{\"node\":\"" + gridNode.address()
                + "\",\"tenant\":\"" + token + "\",\"audience\":\"https://elsewhere.example\",\"resources\":{\"cru\":1}}");
        assertThat(otherAudience.statusCode()).isEqualTo(401);
        assertThat(json(otherAudience).get("code").asText()).isEqualTo("invalid-token");
        HttpResponse<String> rightAudience = n.post("/v1/leases/verify", "{\"node\":\"" + gridNode.address()
                + "\",\"tenant\":\"" + token + "\",\"audience\":\"https://node.grid.example\",\"resources\":{\"cru\":1}}");
        assertThat(json(rightAudience).get("valid").asBoolean()).isTrue();

        JsonNode shown = json(n.get("/v1/leases/" + id));
        assertThat(shown.get("tenant").asText()).isEqualTo("tenant");
        assertThat(shown.get("ratePerHour").asText()).isEqualTo(Long.toString(2 * 3_600_000L + 4 * 360_000L));
        JsonNode listed = json(n.get("/v1/leases?tenant=tenant&state=active"));
        assertThat(listed.get("leases").findValuesAsText("id")).contains(Long.toString(id));
        assertThat(json(n.get("/v1/leases?node=" + gridNode.address())).get("leases").size()).isPositive();
    }

    private String accessToken(SigningKey key, String identity) throws Exception {
        String message = json(n.post("/oauth/challenge", "{\"address\":\"" + key.address()
                + "\",\"audience\":\"https://node.grid.example\"}")).get("message").asText();
        HttpResponse<String> r = n.form("/oauth/token", Map.of("grant_type", "urn:gridchain:params:oauth:grant-type:siwe",
                "message", message, "signature", key.sign(PersonalSign.digest(message)).toString(), "identity", identity));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("access_token").asText();
    }

    /** The compute node's check: the wallet's verifier, the validator set, nothing else of the node. */
    @Test
    void theLeaseProofVerifiesWithOnlyTheValidatorSet() throws Exception {
        long id = lease(new Resources(1, 1, 0, 0), 3_600_000L * 2);
        NodeViews.LeaseProof proof = NodeClient.create(URI.create(n.base() + "/")).leaseProof(id);
        ValidatorSet validators = ValidatorSet.of(List.of(new Validator(n.chain.validator.address(),
                n.chain.validator.compressedPublicKey(), 10)));
        LeaseProofVerifier.Result result = LeaseProofVerifier.verify(proof, TestChain.CHAIN_ID, validators);
        assertThat(result).isInstanceOf(LeaseProofVerifier.Result.Valid.class);
        Lease lease = CapacityStore.LEASES.decodeValue(((LeaseProofVerifier.Result.Valid) result).record());
        assertThat(lease.id()).isEqualTo(id);
        assertThat(lease.tenant()).isEqualTo("tenant");

        SigningKey stranger = SigningKey.random(new SecureRandom());
        ValidatorSet other = ValidatorSet.of(List.of(new Validator(stranger.address(), stranger.compressedPublicKey(), 10)));
        assertThat(LeaseProofVerifier.verify(proof, TestChain.CHAIN_ID, other)).isInstanceOf(LeaseProofVerifier.Result.Invalid.class);
        NodeViews.LeaseProof wrongId = new NodeViews.LeaseProof(id + 1, proof.height(), proof.key(), proof.value(),
                proof.proof(), proof.header(), proof.commit());
        assertThat(LeaseProofVerifier.verify(wrongId, TestChain.CHAIN_ID, validators)).isInstanceOf(LeaseProofVerifier.Result.Invalid.class);
        byte[] tampered = proof.value().orElseThrow().clone();
        tampered[tampered.length - 1] ^= 1;
        NodeViews.LeaseProof changed = new NodeViews.LeaseProof(id, proof.height(), proof.key(), Optional.of(tampered),
                proof.proof(), proof.header(), proof.commit());
        assertThat(LeaseProofVerifier.verify(changed, TestChain.CHAIN_ID, validators)).isInstanceOf(LeaseProofVerifier.Result.Invalid.class);
    }

    /** The two pieces the wallet duplicates (to stay on chain-core) agree with their originals. */
    @Test
    void theWalletsPrecommitDigestAndLeaseKeyAgreeWithConsensusAndTheRegistry() {
        Hash32 block = Keccak.hash(new byte[] {1, 2, 3});
        assertThat(LeaseProofVerifier.precommitDigest(1337, 42, 3, block))
                .isEqualTo(Vote.precommit("1337", 42, 3, block).digest());
        assertThat(LeaseProofVerifier.leaseKey(77)).isEqualTo(CapacityQueries.leaseKey(77));
    }

    @Test
    void leaseChangesOfANodeArriveAsServerSentEvents() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest req = HttpRequest.newBuilder(URI.create(n.base() + "/v1/events?node=" + gridNode.address()))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> stream = n.http.sendAsync(req, HttpResponse.BodyHandlers.ofLines()).get(5, TimeUnit.SECONDS);
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(lines::add);
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the test closes the stream when it has seen enough
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(awaitLine(lines, ": subscribed")).isTrue(); // the node has registered the subscription
        long id = lease(new Resources(1, 0, 0, 0), 3_600_000L * 2);
        n.commit(tenant, CapacityTransactions.cancel(id));
        assertThat(awaitLine(lines, "event: lease.created")).isTrue();
        assertThat(awaitLine(lines, "event: lease.ended")).isTrue();
        stream.body().close();

        assertRefused(n.get("/v1/events"), "invalid-parameter");
        assertRefused(n.get("/v1/events?node=" + gridNode.address()), "not-acceptable");
        assertRefused(n.get("/v1/events?node=0x12"), "invalid-address");
    }

    private static boolean awaitLine(BlockingQueue<String> lines, String wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(wanted)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void badInputIsRefusedWithItsReason() throws Exception {
        SigningKey unknown = SigningKey.random(new SecureRandom());
        assertRefused(n.submit(tenant, CapacityTransactions.createLease(unknown.address(), "tenant", new Resources(1, 0, 0, 0), 0, 10_000_000)), "unknown-node");
        assertRefused(n.submit(tenant, CapacityTransactions.createLease(gridNode.address(), "ghost", new Resources(1, 0, 0, 0), 0, 10_000_000)), "unknown-tenant");
        assertRefused(n.submit(tenant, CapacityTransactions.createLease(gridNode.address(), "tenant", Resources.ZERO, 0, 10_000_000)), "zero-resources");
        assertRefused(n.submit(tenant, CapacityTransactions.createLease(gridNode.address(), "tenant", new Resources(9, 0, 0, 0), 0, 100_000_000)), "exceeds-node-capacity");
        assertRefused(n.submit(tenant, CapacityTransactions.createLease(gridNode.address(), "tenant", new Resources(1, 0, 0, 0), 0, Long.MAX_VALUE)), "insufficient-balance");
        assertRefused(n.submit(tenant, CapacityTransactions.createLease(gridNode.address(), "tenant", new Resources(1, 0, 0, 0), 0, 1)), "escrow-below-minimum-period");
        assertRefused(n.submit(farmer, CapacityTransactions.heartbeat(gridNode.address())), "heartbeat-wrong-key");

        // a top-up of an ended lease
        long id = lease(new Resources(1, 0, 0, 0), 3_600_000L);
        n.commit(tenant, CapacityTransactions.cancel(id));
        assertRefused(n.submit(tenant, CapacityTransactions.topUp(id, 1_000)), "lease-ended");

        // draining, then retired: no new leases
        n.commit(farmer, CapacityTransactions.drain(smallNode.address()));
        assertRefused(n.submit(tenant, CapacityTransactions.createLease(smallNode.address(), "tenant", new Resources(1, 0, 0, 0), 0, 10_000_000)), "node-draining");
        n.commit(farmer, CapacityTransactions.retire(smallNode.address()));
        assertRefused(n.submit(tenant, CapacityTransactions.createLease(smallNode.address(), "tenant", new Resources(1, 0, 0, 0), 0, 10_000_000)), "node-retired");

        HttpResponse<String> zero = n.post("/v1/leases/verify", "{\"node\":\"" + gridNode.address() + "\",\"tenant\":\"tenant\",\"resources\":{}}");
        assertRefused(zero, "zero-resources");
        HttpResponse<String> overflow = n.post("/v1/leases/verify", "{\"node\":\"" + gridNode.address()
                + "\",\"tenant\":\"tenant\",\"resources\":{\"cru\":99999999999999999999}}");
        assertRefused(overflow, "invalid-resources");
    }

    /** The farmer is paid exactly what the lease used, the tenant refunded the rest, at cancellation. */
    @Test
    void cancellationPaysTheFarmerExactlyAndRefundsTheRest() throws Exception {
        long escrow = 3_600_000L * 3;
        long id = lease(new Resources(1, 0, 0, 0), escrow);
        Thread.sleep(1200);
        n.commit(tenant, CapacityTransactions.cancel(id));
        JsonNode ended = json(n.get("/v1/leases/" + id));
        assertThat(ended.get("state").asText()).isEqualTo("ended");
        assertThat(ended.get("cause").asText()).isEqualTo("cancelled");
        long paid = Long.parseLong(ended.get("paid").asText());
        long refunded = Long.parseLong(ended.get("refunded").asText());
        assertThat(paid).isPositive();
        assertThat(paid + refunded).isEqualTo(escrow);
        long seconds = java.time.Instant.parse(ended.get("endedAt").asText()).getEpochSecond()
                - java.time.Instant.parse(ended.get("start").asText()).getEpochSecond();
        assertThat(paid).isEqualTo(3_600_000L * seconds / 3600);
    }
}
