package io.gridchain.consensus;

/**
 * Timeout durations that grow linearly with the round, so that after the network becomes synchronous
 * some round is long enough for every honest validator to hear every other (the paper's assumption
 * for liveness): timeout(r) = base + r * delta.
 */
public record TimeoutConfig(long proposeMillis, long proposeDeltaMillis, long prevoteMillis, long prevoteDeltaMillis,
        long precommitMillis, long precommitDeltaMillis) {
    public static final TimeoutConfig DEFAULT = new TimeoutConfig(3000, 500, 1000, 500, 1000, 500);

    public TimeoutConfig {
        if (proposeMillis <= 0 || prevoteMillis <= 0 || precommitMillis <= 0 || proposeDeltaMillis < 0
                || prevoteDeltaMillis < 0 || precommitDeltaMillis < 0) {
            throw new IllegalArgumentException("timeouts must be positive and grow with the round");
        }
    }

    public long duration(TimeoutKind kind, int round) {
        return switch (kind) {
            case PROPOSE -> proposeMillis + round * proposeDeltaMillis;
            case PREVOTE -> prevoteMillis + round * prevoteDeltaMillis;
            case PRECOMMIT -> precommitMillis + round * precommitDeltaMillis;
        };
    }
}
