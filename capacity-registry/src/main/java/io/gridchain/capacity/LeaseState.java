package io.gridchain.capacity;

/** {@code ACTIVE}: funded and running. {@code GRACE}: escrow ran out, capacity still reserved, workload paused. {@code ENDED}: final. */
public enum LeaseState {
    ACTIVE, GRACE, ENDED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
