package io.gridchain.consensus;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.util.List;

/**
 * Deterministic weighted round-robin: proposer(h, r) is the pick at step s = (h + r) mod totalPower of
 * the smooth weighted round-robin over the set (ordered by address): at each step every validator's
 * credit grows by its power, the one with the most credit (lowest address on a tie) is picked and
 * pays the total power. Over any totalPower consecutive steps each validator proposes exactly as
 * often as its power, spread evenly, and the credits are back where they started, so the sequence is
 * periodic and a function of the set alone. Consecutive heights cost one step; a cold start costs at
 * most totalPower steps.
 */
public final class ProposerSchedule {
    private final Address[] addresses;
    private final long[] powers;
    private final long total;
    private long baseStep;
    private long[] baseCredit;

    public ProposerSchedule(ValidatorSet validators) {
        List<Validator> list = validators.validators();
        this.addresses = new Address[list.size()];
        this.powers = new long[list.size()];
        for (int i = 0; i < list.size(); i++) {
            addresses[i] = list.get(i).address();
            powers[i] = list.get(i).power();
        }
        this.total = validators.totalPower();
        this.baseStep = 0;
        this.baseCredit = new long[addresses.length];
    }

    public Address proposer(long height, int round) {
        long heightStep = Math.floorMod(height, total);
        if (heightStep < baseStep) {
            baseStep = 0;
            baseCredit = new long[addresses.length];
        }
        while (baseStep < heightStep) {
            advance(baseCredit);
            baseStep++;
        }
        long roundSteps = Math.floorMod((long) round, total);
        if (roundSteps == 0) {
            return addresses[pick(baseCredit)];
        }
        long[] credit = baseCredit.clone();
        for (long i = 0; i < roundSteps; i++) {
            advance(credit);
        }
        return addresses[pick(credit)];
    }

    /** The pick at the state {@code credit}, before it is charged. */
    private int pick(long[] credit) {
        int best = 0;
        long bestCredit = Long.MIN_VALUE;
        for (int i = 0; i < credit.length; i++) {
            long c = credit[i] + powers[i];
            if (c > bestCredit) {
                bestCredit = c;
                best = i;
            }
        }
        return best;
    }

    private void advance(long[] credit) {
        int chosen = pick(credit);
        for (int i = 0; i < credit.length; i++) {
            credit[i] += powers[i];
        }
        credit[chosen] -= total;
    }
}
