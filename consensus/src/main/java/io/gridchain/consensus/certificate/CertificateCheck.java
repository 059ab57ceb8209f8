package io.gridchain.consensus.certificate;

import io.gridchain.core.crypto.Address;

/** The verdict on a commit certificate: valid with the power that signed it, or why not. */
public sealed interface CertificateCheck {
    record Valid(long signedPower, long totalPower) implements CertificateCheck {}

    /** {@code signer} is the offending validator when the reason is about one signature, else null. */
    record Invalid(Reason reason, Address signer, String detail) implements CertificateCheck {}

    enum Reason {
        WRONG_HEIGHT,
        WRONG_BLOCK_HASH,
        UNKNOWN_SIGNER,
        DUPLICATE_SIGNER,
        BAD_SIGNATURE,
        INSUFFICIENT_POWER
    }

    default boolean isValid() {
        return this instanceof Valid;
    }
}
