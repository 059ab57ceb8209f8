package io.gridchain.consensus;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.validator.ValidatorSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything the engine knows about the height it is deciding. */
final class HeightState {
    enum Validity { PENDING, VALID, INVALID }

    record Candidate(int round, Hash32 value) {}

    final long height;
    final ValidatorSet validators;
    private final ProposerSchedule schedule;
    private final Map<Integer, Address> proposers = new HashMap<>();
    private final Map<Integer, RoundState> rounds = new HashMap<>();
    final Map<Hash32, Validity> validity = new HashMap<>();
    /** (round, value) pairs with 2f+1 precommits: candidates for the decision rule (L49). */
    final List<Candidate> decisionCandidates = new ArrayList<>(2);
    /** Validators already reported for equivocation, keyed by "round/type/address". */
    final Set<String> reportedEquivocations = new HashSet<>();
    /** Rounds beyond round + 1 that each validator's messages opened. */
    private final Map<Address, Integer> catchUpRounds = new HashMap<>();
    /** The highest round above ours where f+1 of the power has been heard (L55), or -1. */
    int highestSkipRound = -1;

    HeightState(long height, ValidatorSet validators, ProposerSchedule schedule) {
        this.height = height;
        this.validators = validators;
        this.schedule = schedule;
    }

    Address proposer(int round) {
        return proposers.computeIfAbsent(round, r -> schedule.proposer(height, r));
    }

    RoundState round(int round) {
        return rounds.computeIfAbsent(round, RoundState::new);
    }

    RoundState roundIfPresent(int round) {
        return rounds.get(round);
    }

    int catchUpRounds(Address validator) {
        return catchUpRounds.getOrDefault(validator, 0);
    }

    void noteCatchUpRound(Address validator) {
        catchUpRounds.merge(validator, 1, Integer::sum);
    }

    Validity validity(Hash32 value) {
        return validity.get(value);
    }
}
