package io.gridchain.consensus;

/** The three timeouts of Algorithm 1, one per step. */
public enum TimeoutKind {
    PROPOSE,
    PREVOTE,
    PRECOMMIT
}
