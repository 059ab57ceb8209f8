package io.gridchain.capacity;

import io.gridchain.core.crypto.Address;

/** What this module needs of an identity: its owner address and whether it may act. */
public record IdentityRef(String name, Address owner, boolean active) {}
