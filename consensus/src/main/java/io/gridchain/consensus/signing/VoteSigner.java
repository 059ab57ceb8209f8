package io.gridchain.consensus.signing;

import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;

/** The engine's port for signing its own messages; production wraps the key in a {@link GuardedSigner}. */
public interface VoteSigner {
    Address address();

    SignOutcome sign(MessageType type, long height, int round, byte[] signBytes, Hash32 digest);

    default SignOutcome sign(Vote vote) {
        return sign(vote.type(), vote.height(), vote.round(), vote.signBytes(), vote.digest());
    }

    default SignOutcome sign(Proposal proposal) {
        return sign(MessageType.PROPOSAL, proposal.height(), proposal.round(), proposal.signBytes(), proposal.digest());
    }
}
