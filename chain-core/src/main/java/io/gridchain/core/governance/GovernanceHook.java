package io.gridchain.core.governance;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.exec.BlockHook;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the actions due at the next height at the end of this block, so the state this block
 * leaves — from which every node takes the next height's validator set and parameters — has them.
 */
public final class GovernanceHook implements BlockHook {
    @Override
    public List<Event> endBlock(StateOverlay state, BlockInfo block) {
        long effective = block.height() + 1;
        List<GovernanceAction> due = GovernanceState.pendingAt(state, effective);
        if (due.isEmpty()) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        for (GovernanceAction action : due) {
            ValidatorSet current = ValidatorSetState.read(state);
            Optional<String> invalid = check(current, action);
            if (invalid.isPresent()) {
                events.add(Event.of("governance.skipped", "effectiveHeight", Long.toString(effective), "reason", invalid.get()));
                continue;
            }
            if (action instanceof GovernanceAction.UpdateValidators u) {
                ValidatorSet next = applied(current, u);
                ValidatorSetState.write(state, next);
                events.add(Event.of("governance.validators", "effectiveHeight", Long.toString(effective),
                        "validators", Integer.toString(next.size()), "totalPower", Long.toString(next.totalPower())));
            } else {
                ((GovernanceAction.SetParams) action).params().write(state);
                events.add(Event.of("governance.params", "effectiveHeight", Long.toString(effective)));
            }
        }
        GovernanceState.clear(state, effective);
        return events;
    }

    /** Why {@code action} cannot apply to {@code current}, if it cannot. */
    static Optional<String> check(ValidatorSet current, GovernanceAction action) {
        if (!(action instanceof GovernanceAction.UpdateValidators u)) {
            return Optional.empty();
        }
        for (GovernanceAction.ValidatorUpdate update : u.updates()) {
            try {
                if (!Address.fromCompressedPublicKey(update.publicKey()).equals(update.address())) {
                    return Optional.of("the key given for " + update.address() + " belongs to another address");
                }
            } catch (RuntimeException e) {
                return Optional.of("the key given for " + update.address() + " is not a secp256k1 point");
            }
        }
        try {
            ValidatorSet next = applied(current, u);
            return next.size() == 0 ? Optional.of("the change would leave no validator") : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("the change gives no valid validator set: " + e.getMessage());
        }
    }

    private static ValidatorSet applied(ValidatorSet current, GovernanceAction.UpdateValidators u) {
        Map<Address, Validator> byAddress = new LinkedHashMap<>();
        current.validators().forEach(v -> byAddress.put(v.address(), v));
        for (GovernanceAction.ValidatorUpdate update : u.updates()) {
            if (update.power() == 0) {
                byAddress.remove(update.address());
            } else {
                byAddress.put(update.address(), update.toValidator());
            }
        }
        return ValidatorSet.of(new ArrayList<>(byAddress.values()));
    }
}
