package io.gridchain.consensus.signing;

/**
 * Durable storage for the guard's state. {@link #save} returns only once the state would survive a
 * crash; the guard releases a signature only after it returns.
 */
public interface SignGuardStore {
    GuardState load();

    void save(GuardState state);
}
