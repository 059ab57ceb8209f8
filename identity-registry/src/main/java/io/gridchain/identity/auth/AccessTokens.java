package io.gridchain.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and verifies this server's access tokens: JWTs (RFC 9068 header type {@code at+jwt}) signed
 * with ES256. Verification accepts exactly ES256 with our key id and our signature; {@code none},
 * HMAC (the "public key as HMAC secret" confusion) or any other algorithm is refused before any
 * signature check, and so are a wrong issuer, a wrong audience and an expired token.
 */
public final class AccessTokens {
    public static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");

    private final TokenKeys keys;
    private final String issuer;
    private final long chainId;
    private final Clock clock;
    /**
     * Tokens whose ES256 signature already verified: a signature never stops verifying, and checking it
     * is the dominant cost of introspection. Claims (issuer, audience, expiry) are still checked on every
     * call; the set is cleared when it grows past {@link #MAX_VERIFIED}.
     */
    private final java.util.Set<String> verifiedSignatures = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int MAX_VERIFIED = 100_000;

    public AccessTokens(TokenKeys keys, String issuer, long chainId, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.chainId = chainId;
        this.clock = clock;
    }

    public record Issued(String token, TokenClaims claims) {}

    public sealed interface Verified {
        record Valid(TokenClaims claims) implements Verified {}

        record Invalid(String reason) implements Verified {}
    }

    public Issued issue(String subject, String audience, String address, List<String> scope, long lifetimeSeconds) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TokenClaims claims = new TokenClaims(issuer, subject, audience, now, now.plusSeconds(lifetimeSeconds),
                UUID.randomUUID().toString(), address, chainId, scope);
        JWTClaimsSet set = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(claims.expiresAt())).jwtID(claims.jti())
                .claim("addr", address).claim("chain_id", chainId).claim("scope", claims.scopeString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(keys.keyId()).build(),
                set);
        try {
            jwt.sign(new ECDSASigner(keys.signingKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with our own P-256 key cannot fail", e);
        }
        return new Issued(jwt.serialize(), claims);
    }

    /** Verifies signature, issuer and expiry; and the audience, if {@code audience} is given. */
    public Verified verify(String token, Optional<String> audience) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            return new Verified.Invalid("not a signed JWT (JWS compact serialization): " + e.getMessage());
        }
        JWSHeader header = jwt.getHeader();
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            return new Verified.Invalid("algorithm " + header.getAlgorithm() + " is not accepted; tokens are ES256");
        }
        if (!keys.keyId().equals(header.getKeyID())) {
            return new Verified.Invalid("unknown key id " + header.getKeyID());
        }
        try {
            if (!verifiedSignatures.contains(token)) {
                if (!jwt.verify(new ECDSAVerifier(keys.publicKey()))) {
                    return new Verified.Invalid("bad signature");
                }
                if (verifiedSignatures.size() >= MAX_VERIFIED) {
                    verifiedSignatures.clear();
                }
                verifiedSignatures.add(token);
            }
            return checkClaims(jwt.getJWTClaimsSet(), audience);
        } catch (JOSEException | ParseException e) {
            return new Verified.Invalid("cannot verify the token: " + e.getMessage());
        }
    }

    private Verified checkClaims(JWTClaimsSet c, Optional<String> audience) throws ParseException {
        if (!issuer.equals(c.getIssuer())) {
            return new Verified.Invalid("issuer " + c.getIssuer() + " is not " + issuer);
        }
        if (c.getAudience() == null || c.getAudience().size() != 1) {
            return new Verified.Invalid("the token must have exactly one audience");
        }
        String aud = c.getAudience().get(0);
        if (audience.isPresent() && !audience.get().equals(aud)) {
            return new Verified.Invalid("audience " + aud + " is not " + audience.get());
        }
        if (c.getExpirationTime() == null || c.getIssueTime() == null || c.getJWTID() == null || c.getSubject() == null) {
            return new Verified.Invalid("the token lacks exp, iat, jti or sub");
        }
        Instant exp = c.getExpirationTime().toInstant();
        if (!clock.instant().isBefore(exp)) {
            return new Verified.Invalid("the token expired at " + exp);
        }
        Long chain = c.getLongClaim("chain_id");
        String scope = c.getStringClaim("scope");
        String addr = c.getStringClaim("addr");
        if (chain == null || chain != chainId || addr == null || scope == null) {
            return new Verified.Invalid("the token lacks chain_id (of this chain), addr or scope");
        }
        List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split(" "));
        return new Verified.Valid(new TokenClaims(c.getIssuer(), c.getSubject(), aud, c.getIssueTime().toInstant(),
                exp, c.getJWTID(), addr, chain, scopes));
    }
}
