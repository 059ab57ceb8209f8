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
 * The votes of one type in one round: at most one counted vote per validator (the first), the power
 * behind each value (nil is the null key) and in total.
 */
final class VoteTally {
    private final Map<Address, SignedVote> byValidator = new HashMap<>();
    private final Map<Hash32, Long> powerByValue = new HashMap<>();
    private long totalPower;

    /** Counts {@code vote} and returns null, or returns the vote already counted for its validator. */
    SignedVote add(SignedVote vote, long power) {
        SignedVote existing = byValidator.putIfAbsent(vote.validator(), vote);
        if (existing != null) {
            return existing;
        }
        powerByValue.merge(vote.vote().value(), power, Long::sum);
        totalPower += power;
        return null;
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
        for (SignedVote v : byValidator.values()) {
            if (Objects.equals(v.vote().value(), value)) {
                out.add(v);
            }
        }
        return out;
    }
}
