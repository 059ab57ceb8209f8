package io.gridchain.consensus.certificate;

import io.gridchain.consensus.message.MessageVerifier;
import io.gridchain.consensus.message.SignerRecovery;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.block.CommitCertificate.CommitSignature;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.validator.ValidatorSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a certificate proves that {@code blockHash} was decided at {@code height}: every
 * signature is a distinct member of the validator set of that height, signed the precommit
 * (chainId, height, certificate round, blockHash), and together they hold more than two thirds of
 * the set's power. The chain, block sync and light clients all use this one check.
 */
public final class CommitCertificateVerifier {
    public static final CommitCertificateVerifier SECP256K1 = new CommitCertificateVerifier(SignerRecovery.SECP256K1);

    private final MessageVerifier signatures;

    public CommitCertificateVerifier(SignerRecovery recovery) {
        this.signatures = new MessageVerifier(recovery);
    }

    public CertificateCheck verify(CommitCertificate certificate, ValidatorSet validators, String chainId, long height,
            Hash32 blockHash) {
        if (certificate.height() != height) {
            return invalid(CertificateCheck.Reason.WRONG_HEIGHT, null,
                    "certificate is for height " + certificate.height() + ", expected " + height);
        }
        if (!certificate.blockHash().equals(blockHash)) {
            return invalid(CertificateCheck.Reason.WRONG_BLOCK_HASH, null,
                    "certificate is for block " + certificate.blockHash() + ", expected " + blockHash);
        }
        Hash32 digest = Vote.precommit(chainId, height, certificate.round(), blockHash).digest();
        Set<Address> seen = new HashSet<>();
        long power = 0;
        for (CommitSignature s : certificate.signatures()) {
            long p = validators.powerOf(s.validator());
            if (p == 0) {
                return invalid(CertificateCheck.Reason.UNKNOWN_SIGNER, s.validator(), s.validator() + " is not a validator");
            }
            if (!seen.add(s.validator())) {
                return invalid(CertificateCheck.Reason.DUPLICATE_SIGNER, s.validator(), s.validator() + " signs twice");
            }
            if (!signatures.signedBy(s.validator(), s.signature(), digest)) {
                return invalid(CertificateCheck.Reason.BAD_SIGNATURE, s.validator(),
                        "signature is not " + s.validator() + "'s precommit for this block");
            }
            power += p;
        }
        if (!validators.isQuorum(power)) {
            return invalid(CertificateCheck.Reason.INSUFFICIENT_POWER, null,
                    "signed power " + power + " of " + validators.totalPower() + " is not more than two thirds");
        }
        return new CertificateCheck.Valid(power, validators.totalPower());
    }

    private static CertificateCheck invalid(CertificateCheck.Reason reason, Address signer, String detail) {
        return new CertificateCheck.Invalid(reason, signer, detail);
    }
}
