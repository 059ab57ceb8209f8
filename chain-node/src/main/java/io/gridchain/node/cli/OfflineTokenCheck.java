package io.gridchain.node.cli;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Checks an access token as a service does, with nothing but the node's published keys (JWKS) and an
 * ordinary JWT library: header type {@code at+jwt}, ES256 only, a key from the set, the issuer, the
 * audience, and the expiry. It says whether the token was good when issued and is not expired; only
 * introspection says whether the chain still stands behind it (a key revoked, an identity suspended).
 */
final class OfflineTokenCheck {
    /** Clocks of issuer and service differ a little; 30 s is the usual allowance. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    sealed interface Result {
        record Valid(JWTClaimsSet claims) implements Result {}

        record Refused(String reason) implements Result {}
    }

    private OfflineTokenCheck() {}

    static Result check(String token, String jwksJson, String issuer, String audience, Instant now) {
        JWKSet keys;
        try {
            keys = JWKSet.parse(jwksJson);
        } catch (ParseException e) {
            return new Result.Refused("the node's key set is not a JWKS: " + e.getMessage());
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(keys)));
        processor.setJWTClaimsSetVerifier((claims, context) -> {}); // checked below, to name what is wrong
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            return new Result.Refused("not a JWT: " + e.getMessage());
        } catch (BadJOSEException e) {
            return new Result.Refused("the token is not signed by this node's keys (ES256, GET /oauth/jwks): " + e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            return new Result.Refused("the token could not be checked: " + e.getMessage());
        }
        return claimsProblem(claims, issuer, audience, now).<Result>map(Result.Refused::new)
                .orElseGet(() -> new Result.Valid(claims));
    }

    private static Optional<String> claimsProblem(JWTClaimsSet claims, String issuer, String audience, Instant now) {
        if (!issuer.equals(claims.getIssuer())) {
            return Optional.of("the token was issued by " + claims.getIssuer() + ", not by this node (" + issuer + ")");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || !aud.contains(audience)) {
            return Optional.of("the token is for audience " + (aud == null ? "none" : String.join(", ", aud)) + ", not " + audience);
        }
        Date exp = claims.getExpirationTime();
        if (exp == null) {
            return Optional.of("the token has no expiry (exp)");
        }
        if (exp.toInstant().plus(CLOCK_SKEW).isBefore(now)) {
            return Optional.of("the token expired at " + exp.toInstant());
        }
        if (claims.getSubject() == null) {
            return Optional.of("the token names no subject (sub)");
        }
        return Optional.empty();
    }
}
