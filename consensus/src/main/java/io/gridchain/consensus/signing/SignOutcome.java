package io.gridchain.consensus.signing;

import io.gridchain.core.crypto.Signature;

/** A signature, or the guard's reason for refusing to make one. */
public sealed interface SignOutcome {
    record Signed(Signature signature) implements SignOutcome {}

    record Refused(Reason reason, String detail) implements SignOutcome {}

    enum Reason {
        /** The same (height, round, type) was signed before with different bytes. */
        CONFLICT,
        /** The message is for a height, round or step before the last one signed. */
        REGRESSION
    }
}
