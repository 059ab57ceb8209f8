package io.gridchain.consensus.signing;

import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.crypto.Address;

/** The engine's port for signing its own messages; production wraps the key in a {@link GuardedSigner}. */
public interface VoteSigner {
    Address address();

    /** Signs keccak256({@code signBytes}), the digest {@code Vote.digest()} and {@code Proposal.digest()} define. */
    SignOutcome sign(MessageType type, long height, int round, byte[] signBytes);

    default SignOutcome sign(Vote vote) {
        return sign(vote.type(), vote.height(), vote.round(), vote.signBytes());
    }

    default SignOutcome sign(Proposal proposal) {
        return sign(MessageType.PROPOSAL, proposal.height(), proposal.round(), proposal.signBytes());
    }
}
