package io.gridchain.consensus.message;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.validator.ValidatorSet;
import java.util.Optional;

/**
 * Checks a signed message at ingress: right chain, signer in the validator set of its height, and a
 * signature by that signer over the message's sign bytes. The node calls this before it feeds a
 * message to the engine, which trusts what it is given. Whether a proposal comes from the proposer
 * of its round is the engine's business (it owns the proposer schedule).
 */
public final class MessageVerifier {
    public static final MessageVerifier SECP256K1 = new MessageVerifier(SignerRecovery.SECP256K1);

    private final SignerRecovery recovery;

    public MessageVerifier(SignerRecovery recovery) {
        this.recovery = recovery;
    }

    public MessageCheck verify(SignedVote vote, String chainId, ValidatorSet validators) {
        return check(vote.vote().chainId(), chainId, vote.validator(), vote.signature(), vote.vote().digest(), validators);
    }

    public MessageCheck verify(SignedProposal proposal, String chainId, ValidatorSet validators) {
        return check(proposal.proposal().chainId(), chainId, proposal.proposer(), proposal.signature(),
                proposal.proposal().digest(), validators);
    }

    /** Whether {@code claimed} made {@code signature} over {@code digest}. */
    public boolean signedBy(Address claimed, Signature signature, Hash32 digest) {
        Optional<Address> signer = recovery.recover(signature, digest);
        return signer.isPresent() && signer.get().equals(claimed);
    }

    private MessageCheck check(String messageChain, String chainId, Address claimed, Signature signature, Hash32 digest,
            ValidatorSet validators) {
        if (!messageChain.equals(chainId)) {
            return new MessageCheck.Invalid(MessageCheck.Reason.WRONG_CHAIN,
                    "message is for chain '" + messageChain + "', this is '" + chainId + "'");
        }
        long power = validators.powerOf(claimed);
        if (power == 0) {
            return new MessageCheck.Invalid(MessageCheck.Reason.UNKNOWN_VALIDATOR, claimed + " is not a validator");
        }
        if (!signedBy(claimed, signature, digest)) {
            return new MessageCheck.Invalid(MessageCheck.Reason.BAD_SIGNATURE, "signature is not by " + claimed);
        }
        return new MessageCheck.Valid(power);
    }
}
