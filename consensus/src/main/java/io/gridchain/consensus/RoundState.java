package io.gridchain.consensus;

import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What one round of one height has seen, and which "for the first time" rules already fired. */
final class RoundState {
    /**
     * An equivocating proposer can send several values, each a block to check; the first and one other
     * are kept (enough to follow a quorum that formed on the second). A quorum on a third is not seen
     * here, and the node gets that block by block sync from its certificate.
     */
    static final int MAX_PROPOSALS = 2;

    final int round;
    final VoteTally prevotes = new VoteTally();
    final VoteTally precommits = new VoteTally();
    /** Proposals from the round's proposer, by value; the first one is the one we prevote on. */
    final Map<Hash32, SignedProposal> proposals = new HashMap<>(4);
    SignedProposal firstProposal;
    /** The value that has 2f+1 prevotes in this round, once it has. */
    Hash32 prevoteQuorumValue;
    /** Validators heard from in this round by any message, for the f+1 rule (L55). */
    final Set<Address> senders = new HashSet<>();
    long senderPower;
    boolean prevoteTimeoutScheduled;
    boolean precommitTimeoutScheduled;
    boolean lockRuleFired;
    boolean proposalRequested;

    RoundState(int round) {
        this.round = round;
    }

    boolean acceptsProposal(Hash32 value) {
        return !proposals.containsKey(value) && proposals.size() < MAX_PROPOSALS;
    }

    /** True when the proposal is new. */
    boolean addProposal(SignedProposal p) {
        Hash32 value = p.proposal().value();
        if (!acceptsProposal(value)) {
            return false;
        }
        proposals.put(value, p);
        if (firstProposal == null) {
            firstProposal = p;
        }
        return true;
    }

    /** True when the sender is new in this round. */
    boolean addSender(Address validator, long power) {
        if (senders.add(validator)) {
            senderPower += power;
            return true;
        }
        return false;
    }
}
