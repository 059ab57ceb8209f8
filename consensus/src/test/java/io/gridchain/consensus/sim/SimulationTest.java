package io.gridchain.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.sim.Scenario.NodeSpec;
import io.gridchain.consensus.sim.Scenario.Partition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network-level proof: random scenarios (4, 7 or 10 validators, equal or unequal powers, delay,
 * loss, duplication, reordering, healing partitions, crashes with torn WAL tails, validator-set
 * changes, and up to f Byzantine power that is silent, twinned, double-voting, equivocating as
 * proposer or voting for invalid values) keep agreement, validity, honest non-equivocation, valid
 * certificates and termination. A failure prints its seed and the command that replays it.
 */
class SimulationTest {
    static final int CI_SEEDS = Integer.getInteger("sim.seeds", 3000);

    @Test
    void randomScenariosKeepEveryProperty() {
        assertAllPass(1, CI_SEEDS);
    }

    @Test
    @Tag("long")
    void soak() {
        assertAllPass(1_000_000, Integer.getInteger("sim.soakSeeds", 100_000));
    }

    /** {@code -Dsim.seed=N} replays one seed of the random family. */
    @Test
    void replaySeed() {
        String seed = System.getProperty("sim.seed");
        Assumptions.assumeTrue(seed != null, "set -Dsim.seed to replay a seed");
        long s = Long.parseLong(seed);
        SimResult r = Simulation.run(s, Scenario.random(s));
        assertThat(r.violations()).as(r.describe()).isEmpty();
    }

    @Test
    void aSeedReplaysExactly() {
        for (long seed = 7; seed < 12; seed++) {
            SimResult a = Simulation.run(seed, Scenario.random(seed));
            SimResult b = Simulation.run(seed, Scenario.random(seed));
            assertThat(b.describe()).isEqualTo(a.describe());
            assertThat(b.messagesDelivered()).isEqualTo(a.messagesDelivered());
            assertThat(b.inputsApplied()).isEqualTo(a.inputsApplied());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 7, 10})
    void unequalPowersWithSilentValidatorsUpToF(int n) {
        long[] powers = new long[n];
        for (int i = 0; i < n; i++) {
            powers[i] = 1 + (i * 7L) % 13;
        }
        long total = java.util.Arrays.stream(powers).sum();
        List<NodeSpec> nodes = new ArrayList<>();
        long silent = 0;
        for (int i = 0; i < n; i++) {
            boolean mute = 3 * (silent + powers[i]) < total && i % 2 == 0;
            silent += mute ? powers[i] : 0;
            nodes.add(new NodeSpec(i, mute ? Behavior.SILENT : Behavior.HONEST));
        }
        Scenario s = new Scenario("unequal-" + n, powers, null, 0, nodes, 6, 1000, 200, 30, 0.1, 0.1, List.of(),
                List.of(), Scenario.SIM_TIMEOUTS, 250, 8000);
        for (long seed = 1; seed <= 20; seed++) {
            SimResult r = Simulation.run(seed, s);
            assertThat(r.violations()).as(r.describe()).isEmpty();
            assertThat(r.minCommittedHeight()).isEqualTo(6);
        }
    }

    /**
     * f Byzantine power: validator 0 runs as twins on both sides of a partition; the two sides must not
     * decide differently (neither side has a quorum without the other's honest validators).
     */
    @Test
    void twinsWithFPowerAcrossAPartitionCannotBreakAgreement() {
        List<NodeSpec> nodes = List.of(new NodeSpec(0, Behavior.TWIN), new NodeSpec(0, Behavior.TWIN),
                new NodeSpec(1, Behavior.HONEST), new NodeSpec(2, Behavior.HONEST), new NodeSpec(3, Behavior.HONEST));
        int[] groups = {0, 1, 0, 0, 1};
        for (long seed = 1; seed <= 30; seed++) {
            Scenario s = new Scenario("twins-f", new long[] {10, 10, 10, 10}, null, 0, nodes, 4, 3000, 50, 20, 0, 0,
                    List.of(new Partition(0, 3000, groups)), List.of(), Scenario.SIM_TIMEOUTS, 250, 8000);
            SimResult r = Simulation.run(seed, s);
            assertThat(r.violations()).as(r.describe()).isEmpty();
        }
    }

    /**
     * The checker can fail: with f+1 Byzantine power (validators 0 and 1 twinned on both sides of a
     * partition that never heals), each side has a quorum of its own and decides its own block.
     */
    @Test
    void fPlusOneByzantinePowerBreaksAgreementAndTheCheckerSaysSo() {
        List<NodeSpec> nodes = List.of(new NodeSpec(0, Behavior.TWIN), new NodeSpec(0, Behavior.TWIN),
                new NodeSpec(1, Behavior.TWIN), new NodeSpec(1, Behavior.TWIN), new NodeSpec(2, Behavior.HONEST),
                new NodeSpec(3, Behavior.HONEST));
        int[] groups = {0, 1, 0, 1, 0, 1};
        Scenario s = new Scenario("twins-f+1", new long[] {10, 10, 10, 10}, null, 0, nodes, 3, 0, 20, 20, 0, 0,
                List.of(new Partition(0, 100_000, groups)), List.of(), Scenario.SIM_TIMEOUTS, 250, 8000);
        SimResult r = Simulation.run(1, s);
        assertThat(r.has(Violation.Kind.AGREEMENT)).as(r.describe()).isTrue();
    }

    /**
     * The replay check can fail: when messages held for the next height are applied at its start without
     * being in its WAL (the node's old order: logged in the previous height's file, which the new height
     * cut), a validator that crashes afterwards restarts with another state, its lock among what is lost.
     */
    @Test
    void theReplayCheckFailsWhenHeldMessagesAreNotInTheNewHeightsLog() {
        List<String> found = new ArrayList<>();
        for (long seed = 1; seed <= 400 && found.isEmpty(); seed++) {
            SimResult r = new Simulation(seed, Scenario.random(seed), Simulation.Options.LEGACY_WAL_CUT).run();
            if (r.has(Violation.Kind.WAL_REPLAY)) {
                found.add(r.describe());
            }
            SimResult fixed = Simulation.run(seed, Scenario.random(seed));
            assertThat(fixed.has(Violation.Kind.WAL_REPLAY)).as(fixed.describe()).isFalse();
        }
        assertThat(found).as("a seed whose crash loses held messages under the old WAL order").isNotEmpty();
    }

    @Test
    void realSecp256k1SignaturesEndToEnd() {
        Scenario s = Scenario.calm(4, 2);
        Scenario lossy = new Scenario("real-signatures", s.powers(), null, 0, s.nodes(), 2, 500, 50, 20, 0.1, 0.1,
                List.of(), List.of(new Scenario.Crash(1, 100, 300, 5)), Scenario.SIM_TIMEOUTS, 250, 8000);
        SimResult r = new Simulation(3, lossy, new Simulation.Options(true, true, true, true, false)).run();
        assertThat(r.violations()).as(r.describe()).isEmpty();
        assertThat(r.minCommittedHeight()).isEqualTo(2);
    }

    static void assertAllPass(long from, long count) {
        List<String> failures = new ArrayList<>();
        for (long seed = from; seed < from + count; seed++) {
            SimResult r = Simulation.run(seed, Scenario.random(seed));
            if (!r.ok()) {
                failures.add(r.describe());
                if (failures.size() >= 3) {
                    break;
                }
            }
        }
        assertThat(failures).as("failing seeds").isEmpty();
    }
}
