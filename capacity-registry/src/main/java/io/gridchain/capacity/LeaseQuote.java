package io.gridchain.capacity;

/**
 * What a lease would cost, before it is signed: its rate, the cost of {@code seconds} of it, and the
 * smallest escrow a creation accepts (the minimum prepaid period).
 */
public record LeaseQuote(long ratePerHour, long seconds, long cost, long minPrepaidSeconds, long minEscrow) {
    /** Throws {@link ArithmeticException} if the rate overflows. */
    public static LeaseQuote of(Prices prices, Resources resources, long seconds, CapacityParams params) {
        long rate = prices.ratePerHour(resources);
        return new LeaseQuote(rate, seconds, LeaseCost.cost(rate, seconds), params.minPrepaidSeconds(),
                LeaseCost.cost(rate, params.minPrepaidSeconds()));
    }
}
