package io.gridchain.consensus.evidence;

import io.gridchain.consensus.message.MessageCheck;
import io.gridchain.consensus.message.MessageVerifier;
import io.gridchain.consensus.message.SignerRecovery;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.validator.ValidatorSet;
import java.util.Objects;

/** Checks equivocation evidence against the validator set of the height it names. */
public final class EvidenceVerifier {
    public static final EvidenceVerifier SECP256K1 = new EvidenceVerifier(SignerRecovery.SECP256K1);

    private final MessageVerifier messages;

    public EvidenceVerifier(SignerRecovery recovery) {
        this.messages = new MessageVerifier(recovery);
    }

    public EvidenceCheck verify(DuplicateVoteEvidence evidence, String chainId, ValidatorSet validators) {
        Vote a = evidence.first().vote();
        Vote b = evidence.second().vote();
        if (!evidence.first().validator().equals(evidence.second().validator())) {
            return new EvidenceCheck.Invalid(EvidenceCheck.Reason.DIFFERENT_VALIDATORS, "votes are by two validators");
        }
        if (!a.chainId().equals(b.chainId()) || a.type() != b.type() || a.height() != b.height() || a.round() != b.round()) {
            return new EvidenceCheck.Invalid(EvidenceCheck.Reason.DIFFERENT_SLOTS,
                    "votes are for different (chain, height, round, type): " + a + " / " + b);
        }
        if (Objects.equals(a.value(), b.value())) {
            return new EvidenceCheck.Invalid(EvidenceCheck.Reason.SAME_VALUE, "votes are for the same value");
        }
        MessageCheck first = messages.verify(evidence.first(), chainId, validators);
        MessageCheck second = messages.verify(evidence.second(), chainId, validators);
        for (MessageCheck c : new MessageCheck[] {first, second}) {
            if (c instanceof MessageCheck.Invalid invalid) {
                EvidenceCheck.Reason reason = switch (invalid.reason()) {
                    case WRONG_CHAIN -> EvidenceCheck.Reason.WRONG_CHAIN;
                    case UNKNOWN_VALIDATOR -> EvidenceCheck.Reason.UNKNOWN_VALIDATOR;
                    case BAD_SIGNATURE -> EvidenceCheck.Reason.BAD_SIGNATURE;
                };
                return new EvidenceCheck.Invalid(reason, invalid.detail());
            }
        }
        return new EvidenceCheck.Valid(((MessageCheck.Valid) first).power());
    }
}
