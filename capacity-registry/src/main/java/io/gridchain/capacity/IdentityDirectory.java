package io.gridchain.capacity;

import io.gridchain.core.state.StateReader;
import java.util.Optional;

/**
 * Port to the identity registry, which this module does not depend on: the node implements it with
 * the identity module, tests with {@link InMemoryIdentityDirectory}. The rule every capacity
 * transaction applies: acting for an identity (a farm's owner, a lease's tenant) requires the
 * transaction's sender to be that identity's current owner address, and the identity to be active.
 */
public interface IdentityDirectory {
    Optional<IdentityRef> lookup(StateReader state, String name);
}
