package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.testnet.net.NodeApi;
import io.gridchain.testnet.scenario.Network;
import io.gridchain.testnet.scenario.Scenario;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Four validator processes and an observer on loopback: agreement, a transfer, losing a validator and getting it back. */
class ValidatorNetworkIT {
    /**
     * Round 0 waits at most propose 2 s + prevote 0.5 s + precommit 0.5 s, round 1 2.5 s + 0.75 s +
     * 0.75 s (the LAN timeouts): two rounds are 7 s. The first block after the kill is
     * expected within that; the test prints the gap it saw but waits up to the general timeout,
     * because on this shared two-core machine (load average ~15, during a Maven build) two runs saw
     * no block for 5 s and 10 s after the kill, while a manual run on the same machine
     * saw 1.7-2.3 s for each height whose round-0 proposer was dead.
     */
    private static final Duration TWO_ROUND_TIMEOUTS = Duration.ofSeconds(7);
    private static final List<Integer> SURVIVORS = List.of(0, 1, 2, 4);

    @Test
    void fourValidatorsCommitOutliveAKilledOneAndItSignsAgainAfterRestart() throws Exception {
        try (Network net = Scenario.validators(4).observers(1).blockTime("200ms").start("four-validators")) {
            net.awaitHeight(3);
            assertThat(net.api(4).status().orElseThrow().validator()).as("node 4 is an observer").isFalse();
            assertThat(net.api(0).status().orElseThrow().validator()).isTrue();

            Address bob = SigningKey.random(new SecureRandom()).address();
            Transaction tx = net.submitTransfer(0, bob, 77, 2);
            net.awaitCommittedOn(net.all(), tx);
            for (int n : net.all()) {
                assertThat(net.client(n).account(bob).balance()).as("bob's balance on node %d", n).isEqualTo(77);
            }

            net.kill(3);
            long atKill = net.highest();
            long killed = System.nanoTime();
            net.awaitHeightOn(SURVIVORS, atKill + 1);
            long firstGap = (System.nanoTime() - killed) / 1_000_000;
            net.awaitHeightOn(SURVIVORS, atKill + 5);
            System.out.printf("first block %d ms after the kill (two round timeouts: %d ms); heights %s%n", firstGap,
                    TWO_ROUND_TIMEOUTS.toMillis(), net.heights());

            net.restart(3);
            long atRestart = net.highest();
            net.awaitHeightOn(List.of(3), atRestart);
            String validator3 = net.address(3);
            net.await("validator 3's precommit in a commit certificate", Network.DEFAULT_WAIT,
                    () -> signedSince(net, validator3, atRestart));

            net.awaitSameHead();
            Network.ChainCheck check = net.assertSameBlocksUpToLowestHeight();
            assertThat(check.nodes()).isEqualTo(5);
        }
    }

    /** Whether any block above {@code from}, as node 0 stored it, is committed with {@code validator}'s precommit. */
    private static boolean signedSince(Network net, String validator, long from) {
        long head = net.height(0);
        for (long h = from + 1; h <= head; h++) {
            NodeApi.Certificate c = net.api(0).block(h).commit().orElse(null);
            if (c != null && c.validators().stream().anyMatch(v -> v.equalsIgnoreCase(validator))) {
                return true;
            }
        }
        return false;
    }
}
