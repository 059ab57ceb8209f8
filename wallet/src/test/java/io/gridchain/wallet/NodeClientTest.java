package io.gridchain.wallet;

import static io.gridchain.wallet.StubNode.json;
import static io.gridchain.wallet.StubNode.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.account.Account;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.state.StateCommitment;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.wallet.NodeViews.AccountProof;
import io.gridchain.wallet.NodeViews.BatchResult;
import io.gridchain.wallet.NodeViews.BlockInfo;
import io.gridchain.wallet.NodeViews.TxInfo;
import io.gridchain.wallet.NodeViews.TxStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodeClientTest {
    static final SigningKey ALICE = Mnemonic.require(Mnemonic.DEV_PHRASE).deriveKey(0);
    static final Address BOB = Address.require("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    static final String H1 = "0x" + "11".repeat(32);
    static final String H2 = "0x" + "22".repeat(32);

    StubNode node;
    NodeClient client;

    @BeforeEach
    void start() throws Exception {
        node = new StubNode();
        client = new NodeClient(node.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(5), Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void readsStatusAndAccounts() {
        node.on("GET /v1/status", json(200, """
                {"chainId":1337,"height":12,"latestBlockHash":"%s","latestBlockTime":"2026-11-22T04:00:00.123Z",
                 "genesisHash":"%s"}""".formatted(H1, H2)));
        node.on("GET /v1/accounts/" + ALICE.address(), json(200, """
                {"address":"%s","balance":"123","nonce":3,"height":12}""".formatted(ALICE.address())));

        assertThat(client.status()).isEqualTo(new NodeViews.Status(1337, 12, Hash32.parse(H1),
                Instant.parse("2026-11-22T04:00:00.123Z"), Hash32.parse(H2)));
        assertThat(client.account(ALICE.address())).isEqualTo(new NodeViews.AccountState(ALICE.address(), 123, 3, 12));
    }

    @Test
    void aProblemAnswerBecomesANodeProblemWhoseMessageIsTheDetail() {
        node.on("POST /v1/txs", problem(422, "https://gridchain.io/problems/nonce-gap", "Transaction refused",
                "nonce 5 leaves a gap; the next nonce is 3"));

        assertThatThrownBy(() -> client.submit(transfer(5))).isInstanceOfSatisfying(NodeProblem.class, p -> {
            assertThat(p.status()).isEqualTo(422);
            assertThat(p.type()).isEqualTo("https://gridchain.io/problems/nonce-gap");
            assertThat(p.title()).isEqualTo("Transaction refused");
            assertThat(p).hasMessage("nonce 5 leaves a gap; the next nonce is 3");
        });
    }

    @Test
    void anErrorThatIsNotAProblemDocumentIsStillReadable() {
        node.on("GET /v1/status", new StubNode.Answer(502, "text/html", "<html>Bad Gateway</html>"));

        assertThatThrownBy(() -> client.status()).isInstanceOf(NodeProblem.class)
                .hasMessage("the node answered HTTP 502: <html>Bad Gateway</html>");
    }

    @Test
    void submitsOneTransactionAsHexOfItsEncoding() {
        Transaction tx = transfer(0);
        node.on("POST /v1/txs", json(202, "{\"hash\":\"" + tx.hash() + "\",\"status\":\"pending\"}"));

        assertThat(client.submit(tx)).isEqualTo(new NodeViews.Submitted(tx.hash(), "pending"));
        assertThat(node.received).last().satisfies(r ->
                assertThat(r.body()).isEqualTo("{\"tx\":\"" + Hex.encodePrefixed(tx.encode()) + "\"}"));
    }

    @Test
    void submitsABatchAndReadsEachResult() {
        Transaction a = transfer(0);
        Transaction b = transfer(2);
        node.on("POST /v1/txs/batch", json(200, """
                {"results":[{"hash":"%s","accepted":true},
                            {"hash":"%s","accepted":false,"code":"nonce-gap","detail":"nonce 2 leaves a gap"}]}"""
                .formatted(a.hash(), b.hash())));

        List<BatchResult> results = client.submitBatch(List.of(a, b));

        assertThat(results).containsExactly(new BatchResult(a.hash(), true, Optional.empty(), Optional.empty()),
                new BatchResult(b.hash(), false, Optional.of("nonce-gap"), Optional.of("nonce 2 leaves a gap")));
        assertThat(node.received).last().satisfies(r -> assertThat(r.body()).contains(Hex.encodePrefixed(b.encode())));
    }

    @Test
    void waitsUntilATransactionIsCommitted() {
        Transaction tx = transfer(0);
        String path = "GET /v1/txs/" + tx.hash();
        String pending = txJson(tx, "pending", "");
        String committed = txJson(tx, "committed", """
                ,"height":13,"index":0,"receipt":{"fee":"1000","events":[{"type":"transfer",
                  "attributes":{"from":"%s","amount":"5"}}]}""".formatted(ALICE.address()));
        node.on(path, problem(404, "about:blank", "Not Found", "unknown transaction"), json(200, pending),
                json(200, committed));

        Optional<TxInfo> info = client.awaitCommitted(tx.hash(), Duration.ofSeconds(5));

        assertThat(info).hasValueSatisfying(t -> {
            assertThat(t.status()).isEqualTo(TxStatus.COMMITTED);
            assertThat(t.height()).hasValue(13);
            assertThat(t.sender()).isEqualTo(ALICE.address());
            assertThat(t.receipt().orElseThrow().events()).containsExactly(
                    Event.of("transfer", "from", ALICE.address().toString(), "amount", "5"));
        });
    }

    @Test
    void anUnknownTransactionIsANotFoundProblem() {
        Transaction tx = transfer(0);
        node.on("GET /v1/txs/" + tx.hash(), problem(404, "about:blank", "Not Found", "unknown transaction " + tx.hash()));

        assertThatThrownBy(() -> client.transaction(tx.hash())).isInstanceOfSatisfying(NodeProblem.class,
                p -> assertThat(p.isNotFound()).isTrue()).hasMessage("unknown transaction " + tx.hash());
    }

    @Test
    void givesUpWaitingAfterTheTimeout() {
        Transaction tx = transfer(0);
        node.on("GET /v1/txs/" + tx.hash(), json(200, txJson(tx, "pending", "")));

        assertThat(client.awaitCommitted(tx.hash(), Duration.ofMillis(100))).isEmpty();
        assertThat(client.transaction(tx.hash()).isCommitted()).isFalse();
    }

    @Test
    void readsBlocksAndChecksTheClaimedHash() {
        BlockHeader header = new BlockHeader(1337, 5, Hash32.parse(H1), 1_795_305_600_123L, ALICE.address(),
                Hash32.ZERO, Hash32.parse(H2), Hash32.parse(H1), Hash32.ZERO);
        String block = blockJson(header.hash().toHex(), header);
        node.on("GET /v1/blocks/5", json(200, block));
        node.on("GET /v1/blocks?from=5&limit=2", json(200, "{\"blocks\":[" + block + "]}"));

        BlockInfo info = client.block(5);

        assertThat(info.header()).isEqualTo(header);
        assertThat(info.hashMatchesHeader()).isTrue();
        assertThat(info.transactions()).singleElement().satisfies(t -> {
            assertThat(t.kind()).isEqualTo("transfer");
            assertThat(t.payload()).containsEntry("amount", "5");
        });
        assertThat(client.blocks(5, 2)).containsExactly(info);
    }

    @Test
    void readsAnAccountProofAndVerifiesItLocally() {
        StateOverlay overlay = new StateOverlay(key -> Optional.empty());
        Account.STATE.put(overlay, ALICE.address(), new Account(777, 1));
        Account.STATE.put(overlay, BOB, new Account(5, 0));
        StateCommitment.Commit commit = StateCommitment.commit(h -> Optional.empty(), Hash32.ZERO, overlay.changes());
        var tree = new io.gridchain.core.merkle.SparseMerkleTree(h -> Optional.ofNullable(commit.newNodes().get(h)));
        byte[] key = Account.STATE.key(ALICE.address()).toArray();
        var proof = tree.prove(commit.root(), io.gridchain.core.merkle.SmtProof.pathOf(key));
        BlockHeader header = new BlockHeader(1337, 9, Hash32.ZERO, 0, ALICE.address(), Hash32.ZERO, commit.root(),
                Hash32.ZERO, Hash32.ZERO);
        String body = """
                {"address":"%s","height":9,"key":"%s","value":"%s","proof":"%s","header":%s}""".formatted(
                ALICE.address(), Hex.encodePrefixed(key),
                Hex.encodePrefixed(Account.STATE.encodeValue(new Account(777, 1))),
                Hex.encodePrefixed(proof.encode()), headerJson(header));
        node.on("GET /v1/proofs/accounts/" + ALICE.address(), json(200, body));
        node.on("GET /v1/proofs/accounts/" + BOB, json(200, body.replace("\"address\":\"" + ALICE.address(),
                "\"address\":\"" + BOB)));

        AccountProof p = client.accountProof(ALICE.address());

        assertThat(p.verify().isValid()).isTrue();
        assertThat(p.account()).contains(new Account(777, 1));
        assertThat(client.accountProof(BOB).verify().isValid()).isFalse();
    }

    @Test
    void saysWhenTheNodeCannotBeReachedOrBreaksTheContract() {
        node.on("GET /v1/status", json(200, "{\"chainId\":\"many\"}"));
        assertThatThrownBy(() -> client.status()).isInstanceOf(NodeClientException.class)
                .isNotInstanceOf(NodeProblem.class).hasMessageContaining("chainId: not a decimal integer");

        URI closed = node.uri();
        node.close();
        NodeClient gone = new NodeClient(closed, HttpClient.newHttpClient(), Duration.ofSeconds(2), Duration.ofMillis(20));
        assertThatThrownBy(gone::status).isInstanceOf(NodeClientException.class)
                .hasMessageStartingWith("cannot reach the node at " + closed);
    }

    static Transaction transfer(long nonce) {
        return new UnsignedTransaction(1337, nonce, 1000, new Transfer(BOB, 5)).signWith(ALICE);
    }

    private static String txJson(Transaction tx, String status, String extra) {
        return """
                {"hash":"%s","status":"%s","kind":"transfer","sender":"%s","nonce":%d,"fee":"1000"%s}"""
                .formatted(tx.hash(), status, ALICE.address(), tx.nonce(), extra);
    }

    private static String headerJson(BlockHeader h) {
        return """
                {"chainId":%d,"height":%d,"parentHash":"%s","timestamp":%d,"proposer":"%s","transactionsRoot":"%s",
                 "stateRoot":"%s","validatorSetHash":"%s","lastCommitHash":"%s"}""".formatted(h.chainId(), h.height(),
                h.parentHash(), h.timestampMillis(), h.proposer(), h.transactionsRoot(), h.stateRoot(),
                h.validatorSetHash(), h.lastCommitHash());
    }

    private static String blockJson(String hash, BlockHeader h) {
        return """
                {"hash":"%s","header":%s,"transactions":[{"hash":"%s","kind":"transfer","sender":"%s","nonce":0,
                 "fee":"1000","payload":{"to":"%s","amount":"5"}}],"lastCommit":{"height":4,"round":0,"signatures":[]}}"""
                .formatted(hash, headerJson(h), H1, ALICE.address(), BOB);
    }
}
