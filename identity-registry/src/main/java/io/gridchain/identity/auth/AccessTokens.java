package io.gridchain.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Es256.Signer signer;
    /** The protected header, the same for every token of this key: base64url-encoded once. */
    private final String encodedHeader;
    private final JWSVerifier verifier;
    /**
     * Tokens that already verified, with their claims: a signature never stops verifying and the claims
     * in a signed token never change, and checking the signature and decoding the claims are the
     * dominant cost of introspection. What changes with time or the caller (expiry, the audience asked
     * for) is checked on every call. An entry is about 1 KiB; the map is cleared when it grows past
     * {@link #MAX_VERIFIED}, and a token then verifies once more.
     */
    private final Map<String, TokenClaims> verified = new ConcurrentHashMap<>();
    private static final int MAX_VERIFIED = 50_000;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public AccessTokens(TokenKeys keys, String issuer, long chainId, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.chainId = chainId;
        this.clock = clock;
        this.signer = Es256.signer(keys.signingKey());
        this.encodedHeader = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(keys.keyId()).build()
                .toBase64URL().toString();
        this.verifier = Es256.verifier(keys.publicKey());
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
        // JWS compact serialization (RFC 7515 §7.1) composed here: nimbus's constant-time base64 was a
        // tenth of a sign-in's time, and nothing secret is encoded
        String signingInput = encodedHeader + "." + BASE64URL.encodeToString(set.toString().getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.joseSignature(signingInput.getBytes(StandardCharsets.US_ASCII));
        String token = signingInput + "." + BASE64URL.encodeToString(signature);
        remember(token, claims);
        return new Issued(token, claims);
    }

    private void remember(String token, TokenClaims claims) {
        if (verified.size() >= MAX_VERIFIED) {
            verified.clear();
        }
        verified.put(token, claims);
    }

    /** Verifies signature, issuer and expiry; and the audience, if {@code audience} is given. */
    public Verified verify(String token, Optional<String> audience) {
        TokenClaims known = verified.get(token);
        if (known != null) {
            return current(known, audience);
        }
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
        Verified signed;
        try {
            if (!jwt.verify(verifier)) {
                return new Verified.Invalid("bad signature");
            }
            signed = claims(jwt.getJWTClaimsSet());
        } catch (JOSEException | ParseException e) {
            return new Verified.Invalid("cannot verify the token: " + e.getMessage());
        }
        if (!(signed instanceof Verified.Valid valid)) {
            return signed;
        }
        remember(token, valid.claims());
        return current(valid.claims(), audience);
    }

    /** The claims every token of ours carries, whenever and by whomever it is checked. */
    private Verified claims(JWTClaimsSet c) throws ParseException {
        if (!issuer.equals(c.getIssuer())) {
            return new Verified.Invalid("issuer " + c.getIssuer() + " is not " + issuer);
        }
        if (c.getAudience() == null || c.getAudience().size() != 1) {
            return new Verified.Invalid("the token must have exactly one audience");
        }
        if (c.getExpirationTime() == null || c.getIssueTime() == null || c.getJWTID() == null || c.getSubject() == null) {
            return new Verified.Invalid("the token lacks exp, iat, jti or sub");
        }
        Long chain = c.getLongClaim("chain_id");
        String scope = c.getStringClaim("scope");
        String addr = c.getStringClaim("addr");
        if (chain == null || chain != chainId || addr == null || scope == null) {
            return new Verified.Invalid("the token lacks chain_id (of this chain), addr or scope");
        }
        List<String> scopes = scope.isEmpty() ? List.of() : Arrays.asList(scope.split(" "));
        return new Verified.Valid(new TokenClaims(c.getIssuer(), c.getSubject(), c.getAudience().get(0),
                c.getIssueTime().toInstant(), c.getExpirationTime().toInstant(), c.getJWTID(), addr, chain, scopes));
    }

    /** The checks that depend on the caller's audience and on the time. */
    private Verified current(TokenClaims c, Optional<String> audience) {
        if (audience.isPresent() && !audience.get().equals(c.audience())) {
            return new Verified.Invalid("audience " + c.audience() + " is not " + audience.get());
        }
        if (!clock.instant().isBefore(c.expiresAt())) {
            return new Verified.Invalid("the token expired at " + c.expiresAt());
        }
        return new Verified.Valid(c);
    }
}
