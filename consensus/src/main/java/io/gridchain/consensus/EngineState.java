package io.gridchain.consensus;

import io.gridchain.core.crypto.Hash32;

/** A read-only view of the variables of Algorithm 1 (for tests, metrics and the replay check). */
public record EngineState(long height, int round, Step step, Hash32 lockedValue, int lockedRound, Hash32 validValue,
        int validRound) {}
