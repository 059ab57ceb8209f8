package io.gridchain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.GridchainNode;
import io.gridchain.node.chain.DevBlockProducer;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.testing.TestChain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API of a real node: LevelDB in a temporary directory, HTTP on 127.0.0.1. */
class NodeApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final TestChain chain = new TestChain(2);
    private final Address bob = SigningKey.random(new SecureRandom()).address();
    @TempDir
    Path dataDir;
    private GridchainNode node;

    @BeforeEach
    void start() {
        node = startNode();
    }

    private GridchainNode startNode() {
        NodeConfig config = new NodeConfig(dataDir, "127.0.0.1", 0, 0, Duration.ofMillis(100), Mempool.Limits.DEFAULT);
        return GridchainNode.startWith(config, chain.genesis, Clock.systemUTC(),
                DevBlockProducer.soleValidator(chain.validator, config.blockTime(), Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.apiPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.apiPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private Transaction transfer(long nonce, long amount) {
        return new UnsignedTransaction(TestChain.CHAIN_ID, nonce, 1_000, new Transfer(bob, amount)).signWith(chain.accounts.get(0));
    }

    private JsonNode awaitCommitted(Hash32 hash) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode tx = json(get("/v1/txs/" + hash.toHex()));
            if ("committed".equals(tx.path("status").asText())) {
                return tx;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("transaction " + hash + " was not committed");
    }

    private void assertProblem(HttpResponse<String> r, int status, String code, String detailPart) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        JsonNode p = json(r);
        assertThat(p.get("code").asText()).isEqualTo(code);
        assertThat(p.get("type").asText()).isEqualTo("urn:gridchain:problem:" + code);
        assertThat(p.get("detail").asText()).contains(detailPart);
    }

    @Test
    void statusShowsTheChainGrowing() throws Exception {
        JsonNode first = json(get("/v1/status"));
        assertThat(first.get("chainId").asLong()).isEqualTo(TestChain.CHAIN_ID);
        assertThat(first.get("genesisHash").asText()).isEqualTo(chain.genesis.block().hash().toHex());
        Thread.sleep(400);
        JsonNode later = json(get("/v1/status"));
        assertThat(later.get("height").asLong()).isGreaterThan(first.get("height").asLong());
    }

    @Test
    void aTransferIsCommittedAndShowsInBothBalancesWithAProof() throws Exception {
        Transaction tx = transfer(0, 12_345);
        HttpResponse<String> submitted = post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(tx.encode()) + "\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode committed = awaitCommitted(tx.hash());
        assertThat(committed.get("receipt").get("events").get(0).get("type").asText()).isEqualTo("transfer");
        assertThat(committed.get("payload").get("amount").asText()).isEqualTo("12345");

        assertThat(json(get("/v1/accounts/" + bob)).get("balance").asText()).isEqualTo("12345");
        JsonNode sender = json(get("/v1/accounts/" + chain.accounts.get(0).address()));
        assertThat(sender.get("balance").asLong()).isEqualTo(TestChain.FUNDS - 12_345 - 1_000);
        assertThat(sender.get("nonce").asLong()).isEqualTo(1);

        JsonNode proof = json(get("/v1/proofs/accounts/" + bob));
        Hash32 root = Hash32.parse(proof.get("header").get("stateRoot").asText());
        byte[] key = Hex.decode(proof.get("key").asText());
        byte[] value = Hex.decode(proof.get("value").asText());
        SmtProof smt = SmtProof.decode(Hex.decode(proof.get("proof").asText()));
        assertThat(smt.verify(root, SmtProof.pathOf(key), Optional.of(Keccak.hash(value))).isValid()).isTrue();
        assertThat(smt.verify(root, SmtProof.pathOf(key), Optional.of(Keccak.hash(new byte[] {1}))).isValid()).isFalse();

        JsonNode block = json(get("/v1/blocks/" + committed.get("height").asLong()));
        assertThat(block.get("hash").asText()).isEqualTo(committed.get("blockHash").asText());
        assertThat(block.get("commit").get("signatures")).hasSize(1);
        assertThat(json(get("/v1/blocks/" + block.get("hash").asText())).get("height").asLong())
                .isEqualTo(committed.get("height").asLong());
    }

    @Test
    void anAbsentAccountHasAnAbsenceProof() throws Exception {
        Address nobody = SigningKey.random(new SecureRandom()).address();
        JsonNode proof = json(get("/v1/proofs/accounts/" + nobody));
        assertThat(proof.get("value").isNull()).isTrue();
        Hash32 root = Hash32.parse(proof.get("header").get("stateRoot").asText());
        SmtProof smt = SmtProof.decode(Hex.decode(proof.get("proof").asText()));
        assertThat(smt.verify(root, SmtProof.pathOf(Hex.decode(proof.get("key").asText())), Optional.empty()).isValid()).isTrue();
    }

    @Test
    void badInputGetsProblemsAndTheNodeKeepsServing() throws Exception {
        assertProblem(post("/v1/txs", "{\"tx\": "), 400, "malformed-json", "line 1");
        assertProblem(post("/v1/txs", "{}"), 400, "malformed-request", "'tx'");
        assertProblem(post("/v1/txs", "{\"tx\":\"0xzz\"}"), 400, "malformed-request", "not a hex digit");
        byte[] enc = transfer(0, 1).encode();
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(java.util.Arrays.copyOf(enc, enc.length - 2)) + "\"}"),
                400, "malformed-transaction", "truncated");
        byte[] nonCanonical = Rlp.list(Rlp.bytes(new byte[] {0, 5}), Rlp.uint(0), Rlp.uint(1), Rlp.string("transfer"),
                Rlp.bytes(new byte[0]), Rlp.bytes(new byte[65]));
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(nonCanonical) + "\"}"), 400,
                "malformed-transaction", "leading zero");
        Transaction otherChain = new UnsignedTransaction(1, 0, 1_000, new Transfer(bob, 1)).signWith(chain.accounts.get(0));
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(otherChain.encode()) + "\"}"), 400, "wrong-chain", "chain 1");
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(transfer(7, 1).encode()) + "\"}"), 409, "nonce-gap", "next nonce");
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(transfer(0, TestChain.FUNDS).encode()) + "\"}"),
                422, "insufficient-balance", "does not cover");
        Transaction unfunded = new UnsignedTransaction(TestChain.CHAIN_ID, 0, 1_000, new Transfer(bob, 1))
                .signWith(SigningKey.random(new SecureRandom()));
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(unfunded.encode()) + "\"}"), 422, "insufficient-balance", "fee");
        assertProblem(get("/v1/accounts/0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"), 400, "invalid-address", "mistyped");
        assertThat(json(get("/v1/accounts/0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).get("detail").asText())
                .as("a checksum mismatch suggests no address").doesNotContainPattern("0x[0-9a-fA-F]{40}");
        assertThat(json(get("/v1/accounts/" + bob.toString().toLowerCase())).get("address").asText()).isEqualTo(bob.toString());
        assertProblem(get("/v1/blocks/999999"), 404, "not-found", "no block at height 999999");
        assertProblem(get("/v1/txs/0x" + "00".repeat(32)), 404, "not-found", "no pending or committed");
        assertProblem(get("/v1/nothing"), 404, "not-found", "no route");
        assertProblem(post("/v1/txs", "{\"tx\":\"0x" + "ab".repeat(5_000_000) + "\"}"), 413, "body-too-large", "limit");

        // after all of that, a good transaction still goes through
        Transaction good = transfer(0, 7);
        assertThat(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(good.encode()) + "\"}").statusCode()).isEqualTo(202);
        awaitCommitted(good.hash());
    }

    @Test
    void replayedHighSUnknownAndOversizedTransactionsAreRefused() throws Exception {
        Transaction tx = transfer(0, 5);
        post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(tx.encode()) + "\"}");
        awaitCommitted(tx.hash());
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(tx.encode()) + "\"}"), 409, "nonce-already-used", "already used");

        byte[] sig = transfer(1, 5).signature().bytes();
        java.math.BigInteger n = new java.math.BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
        byte[] highS = org.web3j.utils.Numeric.toBytesPadded(n.subtract(transfer(1, 5).signature().s()), 32);
        System.arraycopy(highS, 0, sig, 32, 32);
        sig[64] = (byte) (sig[64] == 27 ? 28 : 27);
        byte[] highSTx = Rlp.list(Rlp.uint(TestChain.CHAIN_ID), Rlp.uint(1), Rlp.uint(1_000), Rlp.string("transfer"),
                Rlp.bytes(new Transfer(bob, 5).encode()), Rlp.bytes(sig));
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(highSTx) + "\"}"), 400, "malformed-transaction", "high-s");

        io.gridchain.core.tx.TxPayload teleport = new io.gridchain.core.tx.TxPayload() {
            public String kind() {
                return "teleport";
            }

            public byte[] encode() {
                return Rlp.list();
            }
        };
        Transaction unknown = new UnsignedTransaction(TestChain.CHAIN_ID, 1, 1_000, teleport).signWith(chain.accounts.get(0));
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(unknown.encode()) + "\"}"), 400, "unknown-kind", "teleport");

        io.gridchain.core.tx.TxPayload huge = new io.gridchain.core.tx.TxPayload() {
            public String kind() {
                return "transfer";
            }

            public byte[] encode() {
                return Rlp.list(Rlp.bytes(new byte[70_000]));
            }
        };
        Transaction oversized = new UnsignedTransaction(TestChain.CHAIN_ID, 1, 1_000, huge).signWith(chain.accounts.get(0));
        assertProblem(post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(oversized.encode()) + "\"}"), 413,
                "transaction-too-large", "the limit is 65536");
        assertThat(json(get("/v1/status")).get("mempoolSize").asInt()).isZero();
    }

    @Test
    void aBatchAnswersPerTransaction() throws Exception {
        String body = "{\"txs\":[\"" + Hex.encodePrefixed(transfer(0, 1).encode()) + "\",\"0x00\",\""
                + Hex.encodePrefixed(transfer(1, 1).encode()) + "\"]}";
        JsonNode results = json(post("/v1/txs/batch", body)).get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("accepted").asBoolean()).isTrue();
        assertThat(results.get(1).get("code").asText()).isEqualTo("malformed-transaction");
        assertThat(results.get(2).get("accepted").asBoolean()).isTrue();
    }

    @Test
    void aRestartedNodeContinuesTheSameChain() throws Exception {
        Transaction tx = transfer(0, 99);
        post("/v1/txs", "{\"tx\":\"" + Hex.encodePrefixed(tx.encode()) + "\"}");
        long committedAt = awaitCommitted(tx.hash()).get("height").asLong();
        node.close();
        node = startNode();
        JsonNode status = json(get("/v1/status"));
        assertThat(status.get("height").asLong()).isGreaterThanOrEqualTo(committedAt);
        assertThat(json(get("/v1/accounts/" + bob)).get("balance").asText()).isEqualTo("99");
    }

    @Test
    void servesOpenApiAndMetrics() throws Exception {
        JsonNode openApi = json(get("/openapi.json"));
        assertThat(openApi.get("paths").has("/v1/txs")).isTrue();
        String metrics = get("/metrics").body();
        assertThat(metrics).contains("gridchain_height ").contains("gridchain_mempool_transactions ")
                .contains("gridchain_transactions_committed_total ").contains("gridchain_block_execution_seconds_sum");
    }

    @Test
    void governanceShowsTheNonceTheValidatorsAndThePowerThatApproves() throws Exception {
        JsonNode g = json(get("/v1/governance"));
        assertThat(g.get("chainId").asLong()).isEqualTo(TestChain.CHAIN_ID);
        assertThat(g.get("governanceNonce").asLong()).isZero();
        assertThat(g.get("totalPower").asLong()).isEqualTo(10);
        assertThat(g.get("quorumPower").asLong()).as("more than two thirds of 10").isEqualTo(7);
        assertThat(g.get("validators").get(0).get("address").asText()).isEqualTo(chain.validator.address().toString());
        assertThat(g.get("validators").get(0).get("publicKey").asText())
                .isEqualTo(Hex.encodePrefixed(chain.validator.compressedPublicKey()));
        assertThat(g.get("params").get("minFee").asText()).isEqualTo("1000");
        assertThat(g.get("pending")).isEmpty();
        assertThat(json(get("/openapi.json")).get("paths").has("/v1/governance")).isTrue();
    }
}
