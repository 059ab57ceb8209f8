package io.gridchain.capacity;

/** The stable reason codes of capacity transactions (clients match on them; details say what exactly). */
public final class CapacityRejections {
    public static final String PARAMS_MISSING = "capacity-params-missing";
    public static final String INVALID_NAME = "invalid-name";
    public static final String FARM_NAME_TAKEN = "farm-name-taken";
    public static final String UNKNOWN_IDENTITY = "unknown-identity";
    public static final String UNKNOWN_TENANT = "unknown-tenant";
    public static final String IDENTITY_INACTIVE = "identity-inactive";
    public static final String NOT_IDENTITY_OWNER = "not-identity-owner";
    public static final String UNKNOWN_FARM = "unknown-farm";
    public static final String NOT_FARM_OWNER = "not-farm-owner";
    public static final String UNKNOWN_NODE = "unknown-node";
    public static final String NODE_EXISTS = "node-already-registered";
    public static final String NODE_CONSENT_MISSING = "node-consent-missing";
    public static final String ZERO_CAPACITY = "zero-capacity";
    public static final String PRICE_OUT_OF_BOUNDS = "price-out-of-bounds";
    public static final String NODE_DRAINING = "node-draining";
    public static final String NODE_RETIRED = "node-retired";
    public static final String NODE_LEASED = "node-leased";
    public static final String STATUS_UNCHANGED = "status-unchanged";
    public static final String HEARTBEAT_WRONG_KEY = "heartbeat-wrong-key";
    public static final String NOT_GOVERNANCE = "not-governance";
    public static final String ZERO_RESOURCES = "zero-resources";
    public static final String EXCEEDS_CAPACITY = "exceeds-node-capacity";
    public static final String INSUFFICIENT_CAPACITY = "insufficient-free-capacity";
    public static final String LEASE_TOO_SHORT = "lease-too-short";
    public static final String ESCROW_TOO_SMALL = "escrow-below-minimum-period";
    public static final String ZERO_AMOUNT = "zero-amount";
    public static final String AMOUNT_OVERFLOW = "amount-overflow";
    public static final String INSUFFICIENT_BALANCE = io.gridchain.core.tx.Rejection.INSUFFICIENT_BALANCE;
    public static final String UNKNOWN_LEASE = "unknown-lease";
    public static final String LEASE_ENDED = "lease-ended";
    public static final String NOT_TENANT = "not-lease-tenant";
    public static final String LEASE_OPEN_ENDED = "lease-open-ended";
    public static final String END_NOT_LATER = "end-not-later";
    public static final String TOP_UP_TOO_SMALL = "top-up-does-not-restore";

    private CapacityRejections() {}
}
