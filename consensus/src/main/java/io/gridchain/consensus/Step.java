package io.gridchain.consensus;

/** step_p of Algorithm 1, plus the state after a decision while the node commits the block. */
public enum Step {
    PROPOSE,
    PREVOTE,
    PRECOMMIT,
    DECIDED
}
