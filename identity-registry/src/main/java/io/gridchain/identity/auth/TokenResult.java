package io.gridchain.identity.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answer of the token endpoint: a token response (RFC 6749 §5.1) or an error (§5.2). */
public sealed interface TokenResult {
    record Issued(String accessToken, long expiresIn, TokenClaims claims) implements TokenResult {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("access_token", accessToken);
            m.put("token_type", "Bearer");
            m.put("expires_in", expiresIn);
            m.put("scope", claims.scopeString());
            return m;
        }
    }

    record Refused(OAuthError error) implements TokenResult {}
}
