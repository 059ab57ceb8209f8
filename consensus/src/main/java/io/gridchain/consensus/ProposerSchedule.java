package io.gridchain.consensus;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.math.BigInteger;
import java.util.List;

/**
 * Deterministic weighted round-robin: proposer(h, r) is the pick at step s = (h + r) mod period of the
 * smooth weighted round-robin over the set (ordered by address): at each step every validator's
 * credit grows by its power, the one with the most credit (lowest address on a tie) is picked and
 * pays the total power. Over one period each validator proposes exactly as often as its power, spread
 * evenly, and the credits are back where they started, so the sequence is periodic and a function of
 * the set alone.
 *
 * <p>The picks do not change when every power is multiplied by the same factor, so the schedule runs on
 * the powers divided by their greatest common divisor, and precomputes one whole period when the set is
 * made: any (h, r) then costs one array read, whatever the round a (possibly Byzantine) message names.
 * A period longer than {@link #MAX_PERIOD} steps (powers with no common divisor and a large sum) runs on
 * powers scaled down to that sum, each at least 1: proposal shares then follow power to within one
 * step in {@value #MAX_PERIOD}.
 */
public final class ProposerSchedule {
    static final int MAX_PERIOD = 1 << 16;

    private final int[] period;
    private final Address[] addresses;

    public ProposerSchedule(ValidatorSet validators) {
        List<Validator> list = validators.validators();
        addresses = new Address[list.size()];
        long[] powers = new long[list.size()];
        for (int i = 0; i < list.size(); i++) {
            addresses[i] = list.get(i).address();
            powers[i] = list.get(i).power();
        }
        long[] reduced = reduce(powers);
        long total = 0;
        for (long p : reduced) {
            total += p;
        }
        period = new int[(int) total];
        long[] credit = new long[reduced.length];
        for (int s = 0; s < period.length; s++) {
            int chosen = pick(credit, reduced);
            period[s] = chosen;
            for (int i = 0; i < credit.length; i++) {
                credit[i] += reduced[i];
            }
            credit[chosen] -= total;
        }
    }

    public Address proposer(long height, int round) {
        long step = Math.floorMod(Math.floorMod(height, period.length) + Math.floorMod((long) round, period.length),
                period.length);
        return addresses[period[(int) step]];
    }

    /** The powers divided by their gcd; scaled down to a sum of at most {@link #MAX_PERIOD} if still larger. */
    static long[] reduce(long[] powers) {
        long gcd = 0;
        for (long p : powers) {
            gcd = BigInteger.valueOf(gcd).gcd(BigInteger.valueOf(p)).longValueExact();
        }
        long[] out = new long[powers.length];
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < powers.length; i++) {
            out[i] = powers[i] / gcd;
            sum = sum.add(BigInteger.valueOf(out[i]));
        }
        if (sum.compareTo(BigInteger.valueOf(MAX_PERIOD)) <= 0) {
            return out;
        }
        // Each share rounded down, at least 1; the sum then stays at most MAX_PERIOD + the set's size,
        // and the set is far smaller than the period.
        long budget = MAX_PERIOD - powers.length;
        for (int i = 0; i < powers.length; i++) {
            out[i] = Math.max(1, BigInteger.valueOf(powers[i] / gcd).multiply(BigInteger.valueOf(budget))
                    .divide(sum).longValueExact());
        }
        return out;
    }

    /** The pick at the state {@code credit}, before it is charged. */
    private static int pick(long[] credit, long[] powers) {
        int best = 0;
        long bestCredit = Long.MIN_VALUE;
        for (int i = 0; i < credit.length; i++) {
            long c = credit[i] + powers[i];
            if (c > bestCredit) {
                bestCredit = c;
                best = i;
            }
        }
        return best;
    }
}
