package io.gridchain.core.governance;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a governance transaction's approvals against the current validator set and schedules its
 * action for {@code height + DELAY}; {@link GovernanceHook} applies it at the end of the block before.
 */
public final class GovernanceHandler implements TransactionHandler<Governance> {
    public static final String STALE_NONCE = "governance-nonce";
    public static final String NOT_A_VALIDATOR = "approval-not-by-a-validator";
    public static final String DUPLICATE_APPROVAL = "duplicate-approval";
    public static final String BAD_APPROVAL = "bad-approval-signature";
    public static final String NO_QUORUM = "insufficient-approval";
    public static final String INVALID_ACTION = "invalid-governance-action";

    @Override
    public String kind() {
        return Governance.KIND;
    }

    @Override
    public Governance decode(byte[] payload) {
        return Governance.decode(payload);
    }

    @Override
    public TxOutcome apply(StateOverlay state, TxContext ctx, Governance g) {
        long nonce = GovernanceState.nonce(state);
        if (g.governanceNonce() != nonce) {
            return TxOutcome.rejected(STALE_NONCE, "approvals are for governance nonce " + g.governanceNonce()
                    + ", the chain is at " + nonce);
        }
        ValidatorSet validators = ValidatorSetState.read(state);
        Hash32 digest = Governance.approvalDigest(ctx.chainId(), nonce, g.action());
        Set<Address> seen = new HashSet<>();
        long power = 0;
        for (Governance.Approval a : g.approvals()) {
            if (!validators.contains(a.validator())) {
                return TxOutcome.rejected(NOT_A_VALIDATOR, a.validator() + " is not a validator");
            }
            if (!seen.add(a.validator())) {
                return TxOutcome.rejected(DUPLICATE_APPROVAL, a.validator() + " approves twice");
            }
            if (!a.signature().recoverSigner(digest).equals(Optional.of(a.validator()))) {
                return TxOutcome.rejected(BAD_APPROVAL, "the approval of " + a.validator() + " is not its signature over this action");
            }
            power += validators.powerOf(a.validator());
        }
        if (!validators.isQuorum(power)) {
            return TxOutcome.rejected(NO_QUORUM, "approvals hold " + power + " of " + validators.totalPower()
                    + " voting power; more than two thirds is needed");
        }
        Optional<String> invalid = GovernanceHook.check(validators, g.action());
        if (invalid.isPresent()) {
            return TxOutcome.rejected(INVALID_ACTION, invalid.get());
        }
        long effective = ctx.height() + Governance.DELAY;
        GovernanceState.schedule(state, effective, g.action());
        GovernanceState.advanceNonce(state);
        return TxOutcome.applied(Event.of("governance.scheduled", "nonce", Long.toString(nonce),
                "effectiveHeight", Long.toString(effective), "approvedPower", Long.toString(power)));
    }
}
