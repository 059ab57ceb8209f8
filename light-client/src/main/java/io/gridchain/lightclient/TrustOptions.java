package io.gridchain.lightclient;

import java.time.Duration;

/**
 * The client's assumptions. {@code trustPeriod}: how long a verified header's validators are assumed to
 * keep more than two thirds of their power honest (CometBFT advises well under the unbonding time; this
 * chain has no unbonding, so it is the operators' promise to keep retired validators' keys safe).
 * {@code maxClockDrift}: how far ahead of the client's clock a header's time may be.
 */
public record TrustOptions(Duration trustPeriod, Duration maxClockDrift) {
    /** No expiry: for a root the user checks by other means each time, such as the genesis document. */
    public static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE);

    public TrustOptions {
        if (trustPeriod.isNegative() || trustPeriod.isZero()) {
            throw new IllegalArgumentException("the trust period must be positive, got " + trustPeriod);
        }
        if (maxClockDrift.isNegative()) {
            throw new IllegalArgumentException("the clock drift must not be negative, got " + maxClockDrift);
        }
    }

    public static TrustOptions of(Duration trustPeriod) {
        return new TrustOptions(trustPeriod, Duration.ofSeconds(10));
    }
}
