package io.gridchain.node.bft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The real driver of four validators under a seeded scheduler: crashes, lost and reordered messages,
 * and one Byzantine validator with a random set of faults. Every failing seed prints the command that
 * replays it.
 */
class NodeSimulationTest {
    private static Level before;

    @BeforeAll
    static void quiet() {
        Logger node = (Logger) LoggerFactory.getLogger("io.gridchain");
        before = node.getLevel();
        if (System.getProperty("sim.log") == null) {
            node.setLevel(Level.OFF); // thousands of runs' block lines and the Byzantine node's refusals; -Dsim.log shows them
        }
    }

    @AfterAll
    static void loud() {
        ((Logger) LoggerFactory.getLogger("io.gridchain")).setLevel(before);
    }

    @Test
    void honestValidatorsAgreeAndKeepCommittingUnderCrashesAndAByzantineOne() {
        assertAllPass(1, Integer.getInteger("sim.nodeSeeds", 12), NodeSimulation.Options.DEFAULT);
    }

    @Test
    @Tag("long")
    void tenThousandSeeds() {
        assertAllPass(1_000_000, Integer.getInteger("sim.nodeSoakSeeds", 10_000), NodeSimulation.Options.DEFAULT);
    }

    /** {@code -Dsim.stats=N}: what N seeds did and how long each took, to tune the runs. */
    @Test
    void stats() {
        assumeTrue(Integer.getInteger("sim.stats") != null, "set -Dsim.stats=N for per-seed figures");
        for (long seed = 1; seed <= Integer.getInteger("sim.stats"); seed++) {
            long started = System.nanoTime();
            NodeSimulation.Result r = NodeSimulation.run(seed, NodeSimulation.Options.DEFAULT);
            System.out.println(describe(r) + "\n  in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    @Test
    void replay() {
        assumeTrue(NodeSimulation.seedProperty().isPresent(), "set -Dsim.seed=N to replay one seed");
        NodeSimulation.Result r = NodeSimulation.run(NodeSimulation.seedProperty().get(), NodeSimulation.Options.DEFAULT);
        assertThat(r.violations()).as(describe(r)).isEmpty();
    }

    /** The checker is not blind: with the WAL defect of issue #14 back, replay no longer rebuilds the lock. */
    @Test
    void theReplayCheckFailsWhenHeldMessagesAreNotInTheNewHeightsLog() {
        NodeSimulation.Options legacy = NodeSimulation.Options.DEFAULT.withLegacyWalCut();
        long failing = LongStream.range(1, 200).filter(seed -> NodeSimulation.run(seed, legacy).violations().stream()
                .anyMatch(v -> v.kind().equals("WAL_REPLAY"))).findFirst().orElse(-1);
        assertThat(failing).as("a seed whose replay check fails with the old WAL order").isPositive();
        System.out.println("with the old WAL order: " + describe(NodeSimulation.run(failing, legacy)).lines().findFirst().orElse(""));
        assertThat(NodeSimulation.run(failing, NodeSimulation.Options.DEFAULT).violations()).isEmpty();
    }

    /** Without the drift bound, a proposer stamping blocks a year ahead gets them committed, and the checker says so. */
    @Test
    void theBlockTimeCheckFailsWithoutTheDriftBound() {
        NodeSimulation.Options unbounded = NodeSimulation.Options.DEFAULT.withMaxClockDrift(Long.MAX_VALUE / 4);
        long failing = LongStream.range(1, 200).filter(seed -> {
            NodeSimulation.Result r = NodeSimulation.run(seed, unbounded);
            return r.byzantine().contains(ByzantineBehaviour.FUTURE_TIMESTAMP)
                    && r.violations().stream().anyMatch(v -> v.kind().equals("BLOCK_TIME"));
        }).findFirst().orElse(-1);
        assertThat(failing).as("a seed whose Byzantine proposer's future block is committed without the bound").isPositive();
        System.out.println("without the drift bound: " + describe(NodeSimulation.run(failing, unbounded)).lines().findFirst().orElse(""));
        assertThat(NodeSimulation.run(failing, NodeSimulation.Options.DEFAULT).violations()).isEmpty();
    }

    private static void assertAllPass(long first, int count, NodeSimulation.Options options) {
        AtomicInteger heights = new AtomicInteger();
        List<NodeSimulation.Result> failed = LongStream.range(first, first + count).parallel()
                .mapToObj(seed -> NodeSimulation.run(seed, options))
                .peek(r -> heights.addAndGet((int) r.heights()))
                .filter(r -> !r.ok()).toList();
        assertThat(failed).as(() -> failed.stream().limit(5).map(NodeSimulationTest::describe).toList().toString()).isEmpty();
        assertThat(heights.get()).as("heights committed over all seeds").isGreaterThan(count * 5);
    }

    private static String describe(NodeSimulation.Result r) {
        return "seed " + r.seed() + " (Byzantine " + r.byzantine() + ", " + r.crashes() + " crashes, " + r.heights()
                + " heights): " + r.violations().size() + " violations, first " + r.violations().stream().limit(3).toList()
                + "\n  replay: " + r.replay();
    }
}
