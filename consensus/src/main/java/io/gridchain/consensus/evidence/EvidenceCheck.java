package io.gridchain.consensus.evidence;

/** The verdict on a piece of evidence. */
public sealed interface EvidenceCheck {
    record Valid(long offenderPower) implements EvidenceCheck {}

    record Invalid(Reason reason, String detail) implements EvidenceCheck {}

    enum Reason {
        DIFFERENT_VALIDATORS,
        DIFFERENT_SLOTS,
        SAME_VALUE,
        WRONG_CHAIN,
        UNKNOWN_VALIDATOR,
        BAD_SIGNATURE
    }

    default boolean isValid() {
        return this instanceof Valid;
    }
}
