package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.testnet.net.NodeApi;
import io.gridchain.testnet.scenario.Network;
import io.gridchain.testnet.scenario.Scenario;
import io.gridchain.wallet.NodeClient;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four validator processes, one started with a {@code --test-only-byzantine} fault, under a stream of
 * transfers: the honest three keep committing, every node holds the same blocks, every block time was
 * within the drift bound of the wall clock when it appeared, no certificate comes from a far round,
 * and the transfers are committed.
 */
class ByzantineValidatorIT {
    private static final int BYZANTINE = 3;
    private static final List<Integer> HONEST = List.of(0, 1, 2);
    private static final int HEIGHTS = 12;
    private static final int TRANSFERS = 60;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"future-timestamp", "forged-body", "far-round-votes"})
    void theHonestThreeKeepOneChainWithHonestTimes(String behaviour) throws Exception {
        try (Network net = Scenario.validators(4).blockTime("200ms")
                .nodeArgs(BYZANTINE, "--test-only-byzantine=" + behaviour).start("byzantine-" + behaviour)) {
            net.awaitHeight(2);
            long from = net.lowest();
            Address sink = SigningKey.random(new SecureRandom()).address();
            List<Transaction> sent = new ArrayList<>();
            Map<Integer, Long> nonces = new HashMap<>();
            Map<Long, Long> firstSeen = new HashMap<>(); // height -> wall clock when node 0 first showed it
            NodeApi watched = net.api(0);
            long deadline = System.currentTimeMillis() + Network.DEFAULT_WAIT.toMillis();
            int next = 0;
            while (net.lowest() < from + HEIGHTS || next < TRANSFERS) {
                assertThat(System.currentTimeMillis()).as("honest heights %s before the deadline", net.heights())
                        .isLessThan(deadline);
                if (next < TRANSFERS) {
                    sent.add(submit(net, HONEST.get(next % 3), sink, nonces));
                    next++;
                }
                long now = System.currentTimeMillis();
                watched.status().ifPresent(s -> {
                    for (long h = 1; h <= s.height(); h++) {
                        firstSeen.putIfAbsent(h, now);
                    }
                });
                Thread.sleep(50);
            }
            for (Transaction tx : sent) {
                net.awaitCommittedOn(HONEST, tx);
            }
            Network.ChainCheck check = net.assertSameBlocksUpToLowestHeight();
            assertThat(check.nodes()).isEqualTo(4);
            long drift = ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MILLIS;
            for (Map.Entry<Long, Long> seen : firstSeen.entrySet()) {
                if (seen.getKey() < from) {
                    continue; // seen first when the test began polling: its time of appearance is not known
                }
                NodeApi.Block block = watched.block(seen.getKey());
                assertThat(block.timestampMillis()).as("time of block %d", seen.getKey())
                        .isLessThanOrEqualTo(seen.getValue() + drift);
                assertThat(block.commit().orElseThrow().round()).as("round of block %d", seen.getKey()).isLessThan(10);
            }
            System.out.printf("%s: heights %s, %d transfers committed, blocks %d..%d within %d ms of the clock%n", behaviour,
                    net.heights(), sent.size(), from, net.lowest(), drift);
        }
    }

    /** The next transfer from validator {@code from}'s funded account, submitted via that validator's node. */
    private static Transaction submit(Network net, int from, Address sink, Map<Integer, Long> nonces) {
        SigningKey key = net.validatorKey(from);
        NodeClient client = net.client(from);
        long nonce = nonces.computeIfAbsent(from, f -> client.account(key.address()).nonce());
        nonces.put(from, nonce + 1);
        Transaction tx = new UnsignedTransaction(net.chainId(), nonce, 1_000, new Transfer(sink, 1)).signWith(key);
        client.submit(tx);
        return tx;
    }
}
