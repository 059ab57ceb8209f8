package io.gridchain.capacity;

/** Why a lease ended. */
public enum EndCause {
    NONE("none"), CANCELLED("cancelled"), EXPIRED("expired"), OUT_OF_FUNDS("out-of-funds"),
    NODE_RETIRED_BY_GOVERNANCE("node-retired-by-governance");

    private final String label;

    EndCause(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
