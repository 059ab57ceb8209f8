package io.gridchain.consensus.signing;

import io.gridchain.core.crypto.Signature;

/** A signature, or the guard's reason for refusing to make one. */
public sealed interface SignOutcome {
    record Signed(Signature signature) implements SignOutcome {}

    /**
     * This (height, round, step) was already signed with other bytes, typically by this validator before
     * a crash that cost the log's tail. Nothing new is signed; the earlier message is handed back so the
     * engine can stand by it (and re-send it) rather than fall silent for the step.
     */
    record AlreadySigned(byte[] signBytes, Signature signature) implements SignOutcome {
        public AlreadySigned {
            signBytes = signBytes.clone();
        }

        @Override
        public byte[] signBytes() {
            return signBytes.clone();
        }
    }

    record Refused(Reason reason, String detail) implements SignOutcome {}

    enum Reason {
        /** The same (height, round, type) was signed before with different bytes (see {@link AlreadySigned}). */
        CONFLICT,
        /** The message is for a height, round or step before the last one signed. */
        REGRESSION
    }
}
