package io.gridchain.node.chain;

import io.gridchain.capacity.IdentityDirectory;
import io.gridchain.capacity.IdentityRef;
import io.gridchain.core.state.StateReader;
import io.gridchain.identity.IdentityQueries;
import io.gridchain.identity.model.IdentityStatus;
import java.util.Optional;

/** The capacity module's identity port, answered by the identity ledger of the same state. */
public final class IdentityDirectoryOverRegistry implements IdentityDirectory {
    @Override
    public Optional<IdentityRef> lookup(StateReader state, String name) {
        return new IdentityQueries(state).identity(name)
                .map(i -> new IdentityRef(i.name(), i.owner(), i.status() == IdentityStatus.ACTIVE));
    }
}
