package io.gridchain.consensus.message;

/** The verdict on one incoming signed message, before the engine sees it. */
public sealed interface MessageCheck {
    record Valid(long power) implements MessageCheck {}

    record Invalid(Reason reason, String detail) implements MessageCheck {}

    enum Reason {
        WRONG_CHAIN,
        UNKNOWN_VALIDATOR,
        BAD_SIGNATURE
    }

    default boolean isValid() {
        return this instanceof Valid;
    }
}
