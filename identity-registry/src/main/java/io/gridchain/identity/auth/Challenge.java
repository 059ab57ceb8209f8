package io.gridchain.identity.auth;

import java.time.Instant;

/** A sign-in nonce and everything it is bound to: who may use it, for which domain, chain and audience. */
public record Challenge(String nonce, String address, String domain, long chainId, String audience,
                        Instant issuedAt, Instant expiresAt) {}
