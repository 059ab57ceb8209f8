package io.gridchain.core.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.crypto.SigningKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValidatorSetTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ValidatorSet of(long... powers) {
        List<Validator> list = new ArrayList<>();
        for (long p : powers) {
            SigningKey k = SigningKey.random(RANDOM);
            list.add(new Validator(k.address(), k.compressedPublicKey(), p));
        }
        return ValidatorSet.of(list);
    }

    /** A set whose quorum test would overflow was accepted before: 3 × power wrapped and no quorum was seen. */
    @Test
    void aTotalPowerWhoseQuorumCannotBeComputedIsRefused() {
        assertThatThrownBy(() -> of(Long.MAX_VALUE / 2, Long.MAX_VALUE / 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total power is over");
        assertThatThrownBy(() -> of(ValidatorSet.MAX_TOTAL_POWER, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quorumAndOneThirdAreExactAtEveryScale() {
        SplittableRandom rnd = new SplittableRandom(7);
        long[] totals = {1, 2, 3, 4, 5, 6, 40, 1_000_000_007L, ValidatorSet.MAX_TOTAL_POWER - 1, ValidatorSet.MAX_TOTAL_POWER};
        for (long total : totals) {
            ValidatorSet set = total == 1 ? of(1) : of(total - 1, 1);
            for (int i = 0; i < 2_000; i++) {
                long p = i < 10 ? total - i : rnd.nextLong(0, total + 1);
                if (p < 0) {
                    continue;
                }
                BigInteger three = BigInteger.valueOf(3);
                BigInteger power = BigInteger.valueOf(p);
                BigInteger t = BigInteger.valueOf(total);
                assertThat(set.isQuorum(p)).as("quorum of %d in %d", p, total)
                        .isEqualTo(power.multiply(three).compareTo(t.shiftLeft(1)) > 0);
                assertThat(set.exceedsOneThird(p)).as("a third of %d in %d", p, total)
                        .isEqualTo(power.multiply(three).compareTo(t) > 0);
            }
        }
    }
}
