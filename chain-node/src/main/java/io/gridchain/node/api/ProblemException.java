package io.gridchain.node.api;

import java.util.OptionalLong;

/**
 * Thrown by a route to answer with a problem; mapped to the response in one place. A 429 or 503 carries
 * {@code Retry-After}: the seconds given here, else 1.
 */
public final class ProblemException extends RuntimeException {
    private final Problem problem;
    private final OptionalLong retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, OptionalLong.empty());
    }

    public ProblemException(Problem problem, long retryAfterSeconds) {
        this(problem, OptionalLong.of(retryAfterSeconds));
    }

    private ProblemException(Problem problem, OptionalLong retryAfterSeconds) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
