package io.gridchain.testnet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gridchain.testnet.scenario.Network;
import io.gridchain.testnet.scenario.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Real network partitions: each validator runs in its own network namespace and the cut drops
 * packets between them (blackhole routes), so open connections stall as on a cut cable.
 */
@Tag("long")
class PartitionIT {
    @BeforeAll
    static void needsNamespaces() {
        assumeTrue(Scenario.netnsUnavailable().isEmpty(),
                () -> "partitions need network namespaces: " + Scenario.netnsUnavailable().orElse(""));
    }

    /** Two of four validators hold half the power, short of the 2/3 a block needs, on either side. */
    @Test
    void aTwoTwoPartitionHaltsTheChainAndHealingResumesItWithTheSameBlocksEverywhere() throws Exception {
        try (Network net = Scenario.validators(4).netns().blockTime("200ms").start("partition-2-2")) {
            net.awaitHeight(5);
            net.partition(List.of(0, 1), List.of(2, 3));
            long cut = System.nanoTime();
            Thread.sleep(2000); // a block already precommitted by 3 of 4 may still land
            net.assertHaltedFor(Duration.ofSeconds(10));
            long halted = net.highest();
            System.out.printf("2|2 partition: halted at height %d (heights %s), no block for 10 s%n", halted, net.heights());

            net.heal();
            long healed = System.nanoTime();
            net.await("a block above " + halted, Network.DEFAULT_WAIT, () -> net.highest() > halted);
            double resumed = (System.nanoTime() - healed) / 1e9;
            net.awaitHeight(halted + 5);
            System.out.printf("healed after %.1f s of partition; first new block %.1f s after the heal, 5 blocks after %.1f s%n",
                    (healed - cut) / 1e9, resumed, (System.nanoTime() - healed) / 1e9);
            net.awaitSameHead();
            Network.ChainCheck check = net.assertSameBlocksUpToLowestHeight();
            System.out.printf("%d blocks and %d certificates the same on %d nodes%n", check.height(), check.certificates(),
                    check.nodes());
        }
    }

    /** Three of four keep 3/4 of the power and go on; the one cut off catches up when the cut heals. */
    @Test
    void aValidatorCutOffFromTheOthersFallsBehindAndCatchesUpAfterTheHeal() throws Exception {
        try (Network net = Scenario.validators(4).netns().blockTime("200ms").start("partition-3-1")) {
            net.awaitHeight(5);
            net.partition(List.of(0, 1, 2), List.of(3));
            Thread.sleep(2000);
            long isolated = net.height(3);
            net.awaitHeightOn(List.of(0, 1, 2), isolated + 20);
            if (net.height(3) > isolated + 1) {
                throw new AssertionError("validator 3 went from " + isolated + " to " + net.height(3) + " while cut off");
            }

            net.heal();
            long healed = System.nanoTime();
            long target = net.highest();
            net.awaitHeightOn(List.of(3), target);
            System.out.printf("validator 3 caught up %d blocks in %.1f s after the heal%n", target - isolated,
                    (System.nanoTime() - healed) / 1e9);
            net.awaitHeight(target + 3);
            net.awaitSameHead();
            net.assertSameBlocksUpToLowestHeight();
        }
    }
}
