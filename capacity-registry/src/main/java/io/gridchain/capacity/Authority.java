package io.gridchain.capacity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Rejection;
import java.util.Optional;

/** The one authorization rule: acting for an identity needs the sender to be its owner, and it active. */
final class Authority {
    private final IdentityDirectory identities;

    Authority(IdentityDirectory identities) {
        this.identities = identities;
    }

    /** Empty when {@code sender} may act for {@code name}; {@code unknownCode} names a missing identity. */
    Optional<Rejection> check(StateReader state, String name, Address sender, String unknownCode, String role) {
        Optional<IdentityRef> ref = identities.lookup(state, name);
        if (ref.isEmpty()) {
            return Optional.of(Rejection.of(unknownCode, role + " identity '" + name + "' does not exist"));
        }
        if (!ref.get().active()) {
            return Optional.of(Rejection.of(CapacityRejections.IDENTITY_INACTIVE,
                    role + " identity '" + name + "' is not active"));
        }
        if (!ref.get().owner().equals(sender)) {
            return Optional.of(Rejection.of(CapacityRejections.NOT_IDENTITY_OWNER, "sender " + sender
                    + " is not the owner of " + role + " identity '" + name + "' (" + ref.get().owner() + ")"));
        }
        return Optional.empty();
    }
}
