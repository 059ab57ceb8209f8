package io.gridchain.identity.auth;

import java.time.Instant;
import java.util.List;

/** The claims of an access token this server issued and verified. */
public record TokenClaims(String issuer, String subject, String audience, Instant issuedAt, Instant expiresAt,
                          String jti, String address, long chainId, List<String> scope) {
    public TokenClaims {
        scope = List.copyOf(scope);
    }

    public String scopeString() {
        return String.join(" ", scope);
    }
}
