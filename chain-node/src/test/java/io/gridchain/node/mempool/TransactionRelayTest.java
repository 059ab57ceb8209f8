package io.gridchain.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.testing.InMemoryState;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.chain.ChainRules;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.testing.TestChain;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.memory.InMemoryHub;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Node A's API admits transfers, its relay batches them; node B admits what arrives; D listens beyond B. */
class TransactionRelayTest {
    private static final String TOPIC = "/gridchain/" + TestChain.CHAIN_ID + "/txs/1";
    private final TestChain chain = new TestChain(1);
    private final InMemoryState state = new InMemoryState();
    private final InMemoryHub hub = new InMemoryHub();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Address bob = SigningKey.random(new SecureRandom()).address();

    TransactionRelayTest() {
        StateOverlay genesis = new StateOverlay(state);
        chain.genesis.state().changes().forEach((k, v) -> genesis.put(k, v.orElseThrow()));
        state.commit(genesis);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void transfersTravelInBatchesAndAllArrive() throws Exception {
        P2PNetwork a = node();
        P2PNetwork b = node();
        P2PNetwork d = node();
        Mempool atB = mempool();
        TransactionRelay relayA = relay(a, mempool());
        relay(b, atB);
        List<byte[]> batchesAtD = new CopyOnWriteArrayList<>();
        d.subscribe(TOPIC, m -> {
            batchesAtD.add(m.data());
            return ValidationResult.IGNORE;
        });
        connect(a, b);
        connect(b, d);

        SigningKey alice = chain.accounts.get(0);
        int count = TransactionRelay.MAX_BATCH + 188;
        List<Transaction> signed = new ArrayList<>();
        for (int nonce = 0; nonce < count; nonce++) {
            signed.add(new UnsignedTransaction(TestChain.CHAIN_ID, nonce, 1_000, new Transfer(bob, 1)).signWith(alice));
        }
        signed.forEach(relayA::publish); // as fast as an API under load admits them

        await(() -> atB.size() == count, () -> "at B " + atB.size());
        assertThat(atB.candidates(Long.MAX_VALUE)).extracting(Transaction::nonce).hasSize(count).isSorted();
        await(() -> transactionsIn(batchesAtD) == count, () -> "batches at D: " + batchesAtD.size());
        // a full batch of 512 at once and the rest within 100 ms lingers: a handful of messages, or a
        // few dozen on a starved machine, never one per transfer
        assertThat(batchesAtD.size()).as("gossip messages for %d transfers", count).isBetween(2, count / 20);
    }

    private static int transactionsIn(List<byte[]> batches) {
        int n = 0;
        for (byte[] batch : batches) {
            io.gridchain.core.rlp.RlpReader r = io.gridchain.core.rlp.RlpReader.ofList(batch);
            while (r.hasNext()) {
                r.bytes();
                n++;
            }
        }
        return n;
    }

    @Test
    void aMalformedBatchIsNotForwardedAndAGoodOneIs() throws Exception {
        P2PNetwork c = node();
        P2PNetwork b = node();
        P2PNetwork d = node();
        relay(b, mempool());
        Topic fromC = c.subscribe(TOPIC, m -> ValidationResult.IGNORE);
        List<byte[]> atD = new CopyOnWriteArrayList<>();
        d.subscribe(TOPIC, m -> {
            atD.add(m.data());
            return ValidationResult.IGNORE;
        });
        connect(c, b);
        connect(b, d);

        Transaction good = new UnsignedTransaction(TestChain.CHAIN_ID, 0, 1_000, new Transfer(bob, 1))
                .signWith(chain.accounts.get(0));
        byte[] truncated = java.util.Arrays.copyOf(good.encode(), good.encode().length - 1);
        fromC.publish(new byte[] {1, 2, 3}).get(5, TimeUnit.SECONDS);
        fromC.publish(Rlp.list(Rlp.bytes(good.encode()), Rlp.bytes(truncated))).get(5, TimeUnit.SECONDS);
        fromC.publish(Rlp.list()).get(5, TimeUnit.SECONDS);
        fromC.publish(Rlp.list(Rlp.bytes(good.encode()))).get(5, TimeUnit.SECONDS);

        await(() -> atD.size() == 1, () -> atD.size() + " messages at D");
        Thread.sleep(200);
        assertThat(atD).hasSize(1);
        assertThat(atD.get(0)).isEqualTo(Rlp.list(Rlp.bytes(good.encode())));
    }

    private P2PNetwork node() {
        P2PNetwork n = hub.newNode();
        open.add(n);
        return n;
    }

    private Mempool mempool() {
        return new Mempool(ChainRules.standard().transactions(), () -> state,
                () -> new BlockInfo(TestChain.CHAIN_ID, 1, 0, Address.of(new byte[20]), ChainParams.DEFAULTS),
                Mempool.Limits.DEFAULT);
    }

    private TransactionRelay relay(P2PNetwork network, Mempool mempool) {
        TransactionRelay relay = new TransactionRelay(network, TestChain.CHAIN_ID, mempool,
                () -> ChainParams.DEFAULTS.maxTransactionBytes());
        open.add(0, relay);
        return relay;
    }

    private static void connect(P2PNetwork from, P2PNetwork to) throws Exception {
        from.dial(to.listenAddresses().get(0)).get(5, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 15 s: " + state.get());
            }
            Thread.sleep(20);
        }
    }
}
