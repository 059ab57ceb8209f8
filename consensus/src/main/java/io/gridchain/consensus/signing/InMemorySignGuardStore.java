package io.gridchain.consensus.signing;

/** A store that survives a simulated crash because the simulation keeps the object. */
public final class InMemorySignGuardStore implements SignGuardStore {
    private GuardState state = GuardState.EMPTY;

    @Override
    public GuardState load() {
        return state;
    }

    @Override
    public void save(GuardState state) {
        this.state = state;
    }
}
