package io.gridchain.identity.auth;

import java.time.Instant;

/**
 * Token identifiers ({@code jti}) remembered until the token expires: revoked access tokens (RFC 7009)
 * and client assertions already used (RFC 7523 §3, replay).
 */
public interface TokenIdStore {
    /** Remembers {@code jti} until {@code expiresAt}; false if it was already there or the store is full. */
    boolean add(String jti, Instant expiresAt);

    boolean contains(String jti);
}
