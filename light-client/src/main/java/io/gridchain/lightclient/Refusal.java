package io.gridchain.lightclient;

/** Why a header was not accepted: the height it was offered at, a reason a program can act on, and words. */
public record Refusal(long height, Reason reason, String detail) {
    public enum Reason {
        /** The trusted header is older than the trust period: its validators may since have sold their keys. */
        TRUST_EXPIRED,
        WRONG_CHAIN,
        NOT_AFTER_TRUSTED,
        TIME_NOT_AFTER_TRUSTED,
        FROM_THE_FUTURE,
        /** The set sent with the header is not the one the header names. */
        VALIDATOR_SET_MISMATCH,
        /** Adjacent: the header names another set than the trusted header's state root says comes next. */
        NOT_THE_NEXT_VALIDATOR_SET,
        /** Adjacent: the header's parent is not the trusted header. */
        NOT_A_CHILD,
        NO_CERTIFICATE,
        CERTIFICATE_FOR_ANOTHER_BLOCK,
        UNKNOWN_SIGNER,
        DUPLICATE_SIGNER,
        BAD_SIGNATURE,
        /** Two thirds or less of the header's own set signed it. */
        INSUFFICIENT_POWER,
        /** The proof of the next validator set does not hold against the header's state root. */
        BAD_NEXT_VALIDATORS_PROOF,
        /** The provider has no block at that height, or could not be asked. */
        UNAVAILABLE,
        /** A different header at the same height also verifies from the same root: see the evidence. */
        CONFLICTING_HEADERS
    }

    @Override
    public String toString() {
        return "height " + height + ": " + detail + " (" + reason + ")";
    }
}
