package io.gridchain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Address;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposerScheduleTest {
    @Test
    void eachValidatorProposesInProportionToItsPowerOverAPeriod() {
        Fixture f = new Fixture(5, 1, 3, 1);
        ProposerSchedule s = new ProposerSchedule(f.set);
        Map<Address, Integer> count = new HashMap<>();
        for (long h = 0; h < 10; h++) {
            count.merge(s.proposer(h, 0), 1, Integer::sum);
        }
        for (var v : f.set.validators()) {
            assertThat(count.get(v.address())).isEqualTo((int) v.power());
        }
        assertThat(s.proposer(3, 0)).isEqualTo(s.proposer(13, 0)).isEqualTo(s.proposer(1, 2));
    }

    @Test
    void equalPowersRotateAndTheResultDoesNotDependOnTheQueryOrder() {
        Fixture f = new Fixture(1, 1, 1, 1);
        ProposerSchedule s = new ProposerSchedule(f.set);
        for (int i = 0; i < 4; i++) {
            assertThat(s.proposer(i, 0)).isEqualTo(f.set.validators().get(i).address());
        }
        ProposerSchedule fresh = new ProposerSchedule(f.set);
        assertThat(fresh.proposer(1_000_003, 5)).isEqualTo(s.proposer(1_000_003, 5)).isEqualTo(s.proposer(0, 0));
    }

    /**
     * Any (height, round) costs the same: one array read. The old schedule stepped through
     * (h + r) mod totalPower picks, so with large coprime powers one vote for round 2^31 - 1 cost the
     * node 2^31 steps over the set (minutes on the consensus thread).
     */
    @Test
    void aFarRoundCostsNoMoreThanRoundZeroAndCommonFactorsDoNotChangeThePicks() {
        Fixture huge = new Fixture(1_000_000_007L, 2_000_000_011L, 3_000_000_019L, 4_000_000_027L);
        long started = System.nanoTime();
        ProposerSchedule h = new ProposerSchedule(huge.set);
        Address far = h.proposer(1_000_000_000_000L, Integer.MAX_VALUE);
        assertThat(System.nanoTime() - started).as("nanoseconds for a far round").isLessThan(1_000_000_000L);
        assertThat(far).isEqualTo(h.proposer(1_000_000_000_000L + Integer.MAX_VALUE, 0));

        Fixture f = new Fixture(5, 1, 3, 1);
        ProposerSchedule s = new ProposerSchedule(f.set);
        Fixture scaled = new Fixture(5_000_000_000L, 1_000_000_000L, 3_000_000_000L, 1_000_000_000L);
        ProposerSchedule big = new ProposerSchedule(scaled.set);
        for (long height = 0; height < 20; height++) {
            int index = f.set.validators().indexOf(f.set.get(s.proposer(height, 0)).orElseThrow());
            assertThat(scaled.set.validators().get(index).address()).isEqualTo(big.proposer(height, 0));
        }
    }

    /** Powers with no common factor and a sum over the period bound still share proposals by power. */
    @Test
    void coprimePowersWithAHugeSumAreScaledKeepingTheirShares() {
        Fixture f = new Fixture(1_000_000_007L, 2_000_000_011L, 3_000_000_019L, 4_000_000_027L);
        ProposerSchedule s = new ProposerSchedule(f.set);
        Map<Address, Integer> count = new HashMap<>();
        int steps = ProposerSchedule.MAX_PERIOD;
        for (long h = 0; h < steps; h++) {
            count.merge(s.proposer(h, 0), 1, Integer::sum);
        }
        for (var v : f.set.validators()) {
            double share = (double) v.power() / f.set.totalPower();
            assertThat(count.get(v.address()) / (double) steps).isCloseTo(share, org.assertj.core.api.Assertions.within(0.001));
        }
    }
}
