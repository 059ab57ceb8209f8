package io.gridchain.identity.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The authorization server as this node runs it. {@code issuer} is the base URL (no trailing slash);
 * the endpoints are under {@code /oauth/}. {@code domain} and {@code siweUri} are what SIWE messages
 * must name (RFC 3986 authority, and the URI of the sign-in).
 */
public record AuthConfig(String issuer, String domain, String siweUri, long chainId, Duration challengeTtl,
                         Duration tokenTtl, String statement) {
    public static final String SIWE_GRANT = "urn:gridchain:params:oauth:grant-type:siwe";
    public static final String CLIENT_CREDENTIALS = "client_credentials";
    public static final String JWT_BEARER_ASSERTION = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public AuthConfig {
        if (issuer.endsWith("/")) {
            throw new IllegalArgumentException("issuer must not end with '/'");
        }
        requireRenderable(domain, siweUri, chainId, statement);
        if (challengeTtl.isNegative() || challengeTtl.isZero() || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("lifetimes must be positive");
        }
    }

    /** Our own SIWE messages must pass our own strict parser: try one with these values. */
    private static void requireRenderable(String domain, String siweUri, long chainId, String statement) {
        SiweMessage sample = new SiweMessage(Optional.empty(), domain, "0x0000000000000000000000000000000000000000",
                Optional.of(statement), siweUri, "1", chainId, "00000000", Instant.EPOCH, Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(siweUri));
        if (SiweMessage.parse(sample.render()) instanceof SiweMessage.Parsed.Invalid invalid) {
            throw new IllegalArgumentException("domain, SIWE URI, chain id or statement cannot form a SIWE message: "
                    + invalid.reason());
        }
    }

    public String tokenEndpoint() {
        return issuer + "/oauth/token";
    }

    public String challengeEndpoint() {
        return issuer + "/oauth/challenge";
    }

    public String jwksUri() {
        return issuer + "/oauth/jwks";
    }

    public String introspectionEndpoint() {
        return issuer + "/oauth/introspect";
    }

    public String revocationEndpoint() {
        return issuer + "/oauth/revoke";
    }
}
