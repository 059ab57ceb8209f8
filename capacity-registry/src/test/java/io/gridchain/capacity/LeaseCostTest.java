package io.gridchain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rounding rule: cost is one floor of the exact amount, from the lease start; it never accumulates. */
class LeaseCostTest {
    @Test
    void costIsTheFloorOfTheExactAmount() {
        assertThat(LeaseCost.cost(3600, 1)).isEqualTo(1);
        assertThat(LeaseCost.cost(3599, 1)).isZero();
        assertThat(LeaseCost.cost(2_500_000, 1000)).isEqualTo(694_444); // exact 694_444.44…
        assertThat(LeaseCost.cost(7, 0)).isZero();
        assertThat(LeaseCost.cost(Long.MAX_VALUE, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void coveredSecondsIsTheLastSecondTheDepositPaysFor() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            long rate = 1 + (random.nextLong() & 0xFFFFFFFFFL);
            long deposit = random.nextLong() & 0xFFFFFFFFFFFL;
            long s = LeaseCost.coveredSeconds(rate, deposit);
            assertThat(LeaseCost.cost(rate, s)).as("rate %d deposit %d", rate, deposit).isLessThanOrEqualTo(deposit);
            assertThat(LeaseCost.cost(rate, s + 1)).as("rate %d deposit %d", rate, deposit).isGreaterThan(deposit);
        }
        assertThat(LeaseCost.coveredSeconds(0, 5)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void settlingInManyStepsPaysExactlyWhatOneStepWould() {
        Random random = new Random(7);
        for (int lease = 0; lease < 2_000; lease++) {
            long rate = 1 + random.nextInt(10_000_000);
            long paid = 0;
            long t = 0;
            for (int step = 0; step < 50; step++) {
                t += random.nextInt(5_000);
                long due = LeaseCost.cost(rate, t) - paid;
                assertThat(due).isNotNegative();
                paid += due;
            }
            BigInteger exact = BigInteger.valueOf(rate).multiply(BigInteger.valueOf(t));
            // paid × 3600 ≤ exact < (paid + 1) × 3600: never more than the exact amount, less by under one unit
            assertThat(BigInteger.valueOf(paid).multiply(BigInteger.valueOf(3600))).isLessThanOrEqualTo(exact);
            assertThat(BigInteger.valueOf(paid + 1).multiply(BigInteger.valueOf(3600))).isGreaterThan(exact);
        }
    }
}
