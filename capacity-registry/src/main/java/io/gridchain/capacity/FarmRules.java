package io.gridchain.capacity;

import io.gridchain.capacity.tx.FarmCreate;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import java.util.Optional;
import java.util.regex.Pattern;

/** farm.create: a unique name, an owner identity the sender owns, a payout address. */
final class FarmRules {
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final Authority authority;

    FarmRules(Authority authority) {
        this.authority = authority;
    }

    TxOutcome create(StateOverlay state, TxContext ctx, FarmCreate p) {
        if (!NAME.matcher(p.name()).matches()) {
            return TxOutcome.rejected(CapacityRejections.INVALID_NAME, "farm name '" + p.name()
                    + "' must be 3-64 characters of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        if (CapacityStore.FARM_NAMES.get(state, p.name()).isPresent()) {
            return TxOutcome.rejected(CapacityRejections.FARM_NAME_TAKEN, "farm name '" + p.name() + "' is taken");
        }
        Optional<Rejection> denied = authority.check(state, p.ownerIdentity(), ctx.sender(),
                CapacityRejections.UNKNOWN_IDENTITY, "owner");
        if (denied.isPresent()) {
            return new TxOutcome.Rejected(denied.get());
        }
        long id = CapacityStore.nextId(state, "farm");
        CapacityStore.FARMS.put(state, id, new Farm(id, p.name(), p.ownerIdentity(), p.payout()));
        CapacityStore.FARM_NAMES.put(state, p.name(), id);
        return TxOutcome.applied(Event.of("farm.created", "farm", Long.toString(id), "name", p.name(),
                "owner", p.ownerIdentity(), "payout", p.payout().toString()));
    }
}
