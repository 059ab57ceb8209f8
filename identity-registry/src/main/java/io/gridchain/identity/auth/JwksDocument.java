package io.gridchain.identity.auth;

/** The JWK Set (RFC 7517 §5) served at {@code /oauth/jwks}: the public token-signing key only. */
public final class JwksDocument {
    private JwksDocument() {}

    public static String json(TokenKeys keys) {
        return keys.publicJwks().toString(true);
    }
}
