package io.gridchain.identity.auth;

import java.time.Instant;

/**
 * Single-use identifiers remembered until the thing they name expires: revoked access tokens (RFC 7009),
 * client assertions already used (RFC 7523 §3, replay) and sign-in nonces already spent. Each id belongs
 * to an owner (the identity it was used by or for), and each owner has its own bound, so that one
 * identity cannot fill the store for everyone.
 */
public interface TokenIdStore {
    /** Remembers {@code id} of {@code owner} until {@code expiresAt}, unless it is already there or a bound is met. */
    Added add(String id, String owner, Instant expiresAt);

    boolean contains(String id);

    enum Added {
        ADDED,
        ALREADY_PRESENT,
        /** The owner has as many unexpired ids as it may have. */
        OWNER_FULL,
        /** The store as a whole is at its bound. */
        FULL
    }
}
