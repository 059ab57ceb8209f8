package io.gridchain.consensus.sim;

/** A property the checker found broken in a run. */
record Violation(Kind kind, String detail) {
    enum Kind {
        /** Two different values decided at one height. */
        AGREEMENT,
        /** A decided value was never built by a proposer or is invalid. */
        VALIDITY,
        /** An honest validator signed two different messages for one (height, round, type). */
        DOUBLE_SIGN,
        /** An honest node did not decide every height within the bound. */
        TERMINATION,
        /** A decision carried a certificate the verifier rejects. */
        CERTIFICATE,
        /** Evidence the engine produced does not verify. */
        EVIDENCE,
        /** A WAL of an honest node read back as corrupt (only torn tails are expected). */
        WAL,
        /** Replaying an honest node's whole WAL did not restore the engine state it crashed with. */
        WAL_REPLAY
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
