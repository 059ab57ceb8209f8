package io.gridchain.node.bft;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Faults a validator can be told to commit, only so tests can prove that the honest others survive
 * them: on {@code node run} these are the {@code --test-only-byzantine} switches, never set on a
 * real network.
 */
public enum ByzantineBehaviour {
    /** Signs a second, conflicting prevote in every round. */
    EQUIVOCATE,
    /** Proposes blocks stamped far ahead of its clock. */
    FUTURE_TIMESTAMP,
    /** Relays every proposal it sees, first, with one transaction taken out of the block's body. */
    FORGED_BODY,
    /** With every vote, signs and sends nil votes for rounds far ahead of the current one. */
    FAR_ROUND_VOTES;

    /** How far ahead a {@link #FUTURE_TIMESTAMP} block is stamped: a year. */
    public static final long FUTURE_MILLIS = 365L * 24 * 3600 * 1000;

    /** How far ahead the rounds of {@link #FAR_ROUND_VOTES} are. */
    public static final int FAR_ROUNDS = 1_000;

    public String flag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The behaviour a flag names, e.g. {@code future-timestamp}. */
    public static ByzantineBehaviour parse(String flag) {
        for (ByzantineBehaviour b : values()) {
            if (b.flag().equals(flag.trim().toLowerCase(Locale.ROOT))) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown Byzantine behaviour '" + flag + "'; known: "
                + EnumSet.allOf(ByzantineBehaviour.class).stream().map(ByzantineBehaviour::flag).collect(Collectors.joining(", ")));
    }

    public static Set<ByzantineBehaviour> none() {
        return EnumSet.noneOf(ByzantineBehaviour.class);
    }
}
