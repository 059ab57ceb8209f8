package io.gridchain.capacity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A map-backed directory for tests and single-process development; ignores the state it is given. */
public final class InMemoryIdentityDirectory implements IdentityDirectory {
    private final Map<String, IdentityRef> identities = new ConcurrentHashMap<>();

    public InMemoryIdentityDirectory put(String name, Address owner, boolean active) {
        identities.put(name, new IdentityRef(name, owner, active));
        return this;
    }

    @Override
    public Optional<IdentityRef> lookup(StateReader state, String name) {
        return Optional.ofNullable(identities.get(name));
    }
}
