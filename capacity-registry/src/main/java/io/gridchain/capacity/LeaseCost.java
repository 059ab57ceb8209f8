package io.gridchain.capacity;

import java.math.BigInteger;

/**
 * The rounding rule of lease payment. A lease's price is a rate in units per hour, fixed at creation.
 * What the lease has cost after {@code s} seconds is always computed from its start, never added up
 * per block: {@code cost(s) = floor(ratePerHour × s / 3600)}. Because each figure is a single floor of
 * the exact amount, rounding never accumulates: the tenant is never charged more than the exact
 * amount and the farm never receives less than the exact amount minus one unit, over the whole lease.
 * Intermediate products use {@link BigInteger}; results beyond a {@code long} saturate at
 * {@link Long#MAX_VALUE} (no balance can hold that much, so a saturated cost is always "more than the escrow").
 */
public final class LeaseCost {
    private static final BigInteger HOUR = BigInteger.valueOf(3600);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private LeaseCost() {}

    /** floor(ratePerHour × seconds / 3600), saturating. */
    public static long cost(long ratePerHour, long seconds) {
        if (seconds <= 0 || ratePerHour == 0) {
            return 0;
        }
        return saturate(BigInteger.valueOf(ratePerHour).multiply(BigInteger.valueOf(seconds)).divide(HOUR));
    }

    /**
     * The largest number of seconds whose cost the deposit covers: max s with cost(s) ≤ deposit, that is
     * floor((3600 × (deposit + 1) − 1) / rate). Unbounded (Long.MAX_VALUE) for a free lease.
     */
    public static long coveredSeconds(long ratePerHour, long deposit) {
        if (ratePerHour == 0) {
            return Long.MAX_VALUE;
        }
        BigInteger numerator = HOUR.multiply(BigInteger.valueOf(deposit).add(BigInteger.ONE)).subtract(BigInteger.ONE);
        return saturate(numerator.divide(BigInteger.valueOf(ratePerHour)));
    }

    static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturate(BigInteger v) {
        return v.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : v.longValueExact();
    }
}
