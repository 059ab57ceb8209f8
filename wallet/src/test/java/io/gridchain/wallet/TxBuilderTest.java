package io.gridchain.wallet;

import static io.gridchain.wallet.StubNode.json;
import static io.gridchain.wallet.StubNode.problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxBuilderTest {
    static final SigningKey ALICE = Mnemonic.require(Mnemonic.DEV_PHRASE).deriveKey(0);
    static final Address BOB = Mnemonic.require(Mnemonic.DEV_PHRASE).deriveKey(1).address();

    @Test
    void signsATransferWithTheChainIdAndNextNonceFromTheNode() throws Exception {
        try (StubNode node = new StubNode()) {
            node.on("GET /v1/status", json(200, """
                    {"chainId":4242,"height":1,"latestBlockHash":"0x%s","latestBlockTime":"2026-11-22T04:00:00Z",
                     "genesisHash":"0x%s"}""".formatted("00".repeat(32), "00".repeat(32))));
            node.on("GET /v1/accounts/" + ALICE.address(), json(200, """
                    {"address":"%s","balance":"1000000","nonce":7,"height":1}""".formatted(ALICE.address())));
            node.on("GET /v1/accounts/" + BOB, problem(404, "about:blank", "Not Found", "no such account"));
            NodeClient client = new NodeClient(node.uri(), HttpClient.newHttpClient(), Duration.ofSeconds(5),
                    Duration.ofMillis(10));
            TxBuilder builder = TxBuilder.forNode(client);

            Transaction tx = builder.transfer(ALICE, BOB, 5, TxBuilder.DEFAULT_FEE);
            List<Transaction> batch = builder.signAll(ALICE, List.of(new Transfer(BOB, 1), new Transfer(BOB, 2)), 1000);

            assertThat(tx.chainId()).isEqualTo(4242);
            assertThat(tx.nonce()).isEqualTo(7);
            assertThat(tx.fee()).isEqualTo(1000);
            assertThat(tx.sender()).contains(ALICE.address());
            assertThat(Transfer.decode(tx.payload())).isEqualTo(new Transfer(BOB, 5));
            assertThat(batch).extracting(Transaction::nonce).containsExactly(7L, 8L);
            assertThat(builder.nextNonce(BOB)).isZero();
            assertThat(node.received).filteredOn(r -> r.pathAndQuery().equals("/v1/status")).hasSize(1);
        }
    }

    @Test
    void signsOfflineWithAGivenNonce() {
        Transaction tx = TxBuilder.offline(1337).sign(ALICE, new Transfer(BOB, 9), 1000, 3);

        assertThat(tx.chainId()).isEqualTo(1337);
        assertThat(tx.nonce()).isEqualTo(3);
        assertThat(tx.sender()).contains(ALICE.address());
    }
}
