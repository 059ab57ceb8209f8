package io.gridchain.consensus;

import io.gridchain.consensus.message.SignedVote;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The votes of one type in one round. As in the paper, a message counts toward the value it names:
 * a validator that equivocates counts once for each value it voted for (up to
 * {@link #MAX_VALUES_PER_VALIDATOR}), which keeps every honest node able to see a quorum that another
 * honest node saw, whichever of the two votes reached it first. Safety does not need more: two
 * quorums still share an honest validator. The total (for "2f+1 of any value") counts each
 * validator once.
 */
final class VoteTally {
    /** How many different values one validator can be counted for; bounds what an equivocator costs. */
    static final int MAX_VALUES_PER_VALIDATOR = 3;

    enum Outcome { NEW, DUPLICATE, EQUIVOCATION }

    private final Map<Address, List<SignedVote>> byValidator = new HashMap<>();
    private final Map<Hash32, Long> powerByValue = new HashMap<>();
    private long totalPower;

    Outcome add(SignedVote vote, long power) {
        List<SignedVote> votes = byValidator.get(vote.validator());
        if (votes == null) {
            votes = new ArrayList<>(1);
            votes.add(vote);
            byValidator.put(vote.validator(), votes);
            powerByValue.merge(vote.vote().value(), power, Long::sum);
            totalPower += power;
            return Outcome.NEW;
        }
        for (SignedVote v : votes) {
            if (Objects.equals(v.vote().value(), vote.vote().value())) {
                return Outcome.DUPLICATE;
            }
        }
        if (votes.size() < MAX_VALUES_PER_VALIDATOR) {
            votes.add(vote);
            powerByValue.merge(vote.vote().value(), power, Long::sum);
        }
        return Outcome.EQUIVOCATION;
    }

    /** Whether adding {@code vote} would change nothing: the same value from that validator is in. */
    boolean counted(SignedVote vote) {
        List<SignedVote> votes = byValidator.get(vote.validator());
        if (votes == null) {
            return false;
        }
        for (SignedVote v : votes) {
            if (Objects.equals(v.vote().value(), vote.vote().value())) {
                return true;
            }
        }
        return false;
    }

    /** The first vote counted for {@code validator}. */
    SignedVote firstOf(Address validator) {
        return byValidator.get(validator).get(0);
    }

    long powerFor(Hash32 value) {
        Long p = powerByValue.get(value);
        return p == null ? 0 : p;
    }

    long totalPower() {
        return totalPower;
    }

    List<SignedVote> votesFor(Hash32 value) {
        List<SignedVote> out = new ArrayList<>();
        for (List<SignedVote> votes : byValidator.values()) {
            for (SignedVote v : votes) {
                if (Objects.equals(v.vote().value(), value)) {
                    out.add(v);
                }
            }
        }
        return out;
    }
}
