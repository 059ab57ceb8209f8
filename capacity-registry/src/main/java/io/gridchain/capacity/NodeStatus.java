package io.gridchain.capacity;

/** A grid node's lifecycle: active nodes take leases; draining ones keep theirs but take no new ones; retired is final. */
public enum NodeStatus {
    ACTIVE, DRAINING, RETIRED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
