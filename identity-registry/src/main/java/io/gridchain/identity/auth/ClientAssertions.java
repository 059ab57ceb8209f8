package io.gridchain.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.state.StateReader;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.model.Identity;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign;

/**
 * {@code private_key_jwt} client authentication (RFC 7523 §2.2) for identities: the client is an
 * identity, the assertion is a JWT signed ES256K (secp256k1; Java 17's default provider has no such
 * curve, so Bouncy Castle does the curve arithmetic) by its owner or one of its active authentication
 * keys. Since only key addresses are on chain, the public key is recovered from the signature (trying
 * both recovery ids), matched against the identity's keys, and the JWS then verified with that key.
 * {@code iss} and {@code sub} are the identity name, {@code aud} is the token endpoint or the issuer,
 * {@code exp} at most {@link #MAX_LIFETIME} ahead, and each {@code jti} is accepted once.
 */
public final class ClientAssertions {
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /**
     * How far a client's clock may be from the node's: an assertion's exp and nbf are the client's times.
     * The used-assertion store keeps each id until exp, so the leeway is added there too (see verify).
     */
    public static final Duration CLOCK_LEEWAY = Duration.ofSeconds(30);
    private static final Provider BC = new BouncyCastleProvider();

    private final AuthConfig config;
    private final TokenIdStore usedIds;
    private final Clock clock;

    public ClientAssertions(AuthConfig config, TokenIdStore usedIds, Clock clock) {
        this.config = config;
        this.usedIds = usedIds;
        this.clock = clock;
    }

    /** An authenticated client: the identity, and the key address that signed its assertion. */
    public record Client(Identity identity, Address key) {}

    public sealed interface Verified {
        record Ok(Client client) implements Verified {}

        record Refused(OAuthError error) implements Verified {}
    }

    /** Builds an assertion for {@code clientId}, signed by {@code key} (for wallets and the CLI). */
    public static String create(SigningKey key, String clientId, String audience, Instant now, Duration lifetime) {
        byte[] pub = key.publicKey();
        ECKey jwk = new ECKey.Builder(Curve.SECP256K1, Base64URL.encode(Arrays.copyOfRange(pub, 0, 32)),
                Base64URL.encode(Arrays.copyOfRange(pub, 32, 64))).d(Base64URL.encode(key.privateKeyBytes())).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256K)
                .keyID(key.address().toString()).build(), claims);
        try {
            ECDSASigner signer = new ECDSASigner(jwk);
            signer.getJCAContext().setProvider(BC);
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing a client assertion failed: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    public Verified verify(String clientId, String assertion, StateReader state) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | RuntimeException e) {
            return refused("the client assertion is not a signed JWT: " + e.getMessage());
        }
        if (!JWSAlgorithm.ES256K.equals(jwt.getHeader().getAlgorithm())) {
            return refused("client assertions are signed ES256K, not " + jwt.getHeader().getAlgorithm());
        }
        Optional<String> problem = checkClaims(clientId, claims);
        if (problem.isPresent()) {
            return refused(problem.get());
        }
        Optional<Identity> identity = IdentityState.IDENTITIES.get(state, clientId);
        if (identity.isEmpty()) {
            return refused("no identity is named '" + clientId + "'");
        }
        // a replayed assertion is refused before the two public-key recoveries it would cost again
        if (usedIds.contains(clientId + " " + claims.getJWTID())) {
            return refused("this client assertion (jti) was already used");
        }
        Optional<Address> signer = verifySignature(jwt, identity.get());
        if (signer.isEmpty()) {
            return refused("the assertion is not signed by the owner or an active authentication key of an active '"
                    + clientId + "'");
        }
        // the jti is the client's choice: kept per client, so that no client can spend another's
        return switch (usedIds.add(clientId + " " + claims.getJWTID(), clientId,
                claims.getExpirationTime().toInstant().plus(CLOCK_LEEWAY))) {
            case ADDED -> new Verified.Ok(new Client(identity.get(), signer.get()));
            case ALREADY_PRESENT -> refused("this client assertion (jti) was already used");
            case OWNER_FULL -> new Verified.Refused(new OAuthError(OAuthError.TEMPORARILY_UNAVAILABLE, clientId
                    + " has used too many client assertions within their lifetime; retry later"));
            case FULL -> new Verified.Refused(new OAuthError(OAuthError.TEMPORARILY_UNAVAILABLE,
                    "the node has too many recent client assertions to remember; retry later"));
        };
    }

    private Optional<String> checkClaims(String clientId, JWTClaimsSet c) {
        Instant now = clock.instant();
        if (!clientId.equals(c.getIssuer()) || !clientId.equals(c.getSubject())) {
            return Optional.of("iss and sub of the client assertion must both be the client id " + clientId);
        }
        if (c.getAudience() == null || !(c.getAudience().contains(config.tokenEndpoint())
                || c.getAudience().contains(config.issuer()))) {
            return Optional.of("the client assertion's aud must be " + config.tokenEndpoint() + " or " + config.issuer());
        }
        if (c.getExpirationTime() == null || c.getJWTID() == null) {
            return Optional.of("the client assertion needs exp and jti");
        }
        Instant exp = c.getExpirationTime().toInstant();
        if (!now.isBefore(exp.plus(CLOCK_LEEWAY))) {
            return Optional.of("the client assertion expired at " + exp);
        }
        if (exp.isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_LEEWAY))) {
            return Optional.of("the client assertion lives longer than " + MAX_LIFETIME.toMinutes() + " minutes");
        }
        if (c.getNotBeforeTime() != null && now.plus(CLOCK_LEEWAY).isBefore(c.getNotBeforeTime().toInstant())) {
            return Optional.of("the client assertion is not valid yet");
        }
        return Optional.empty();
    }

    /** The key address that signed, if it may authenticate as {@code identity} and the JWS verifies. */
    private static Optional<Address> verifySignature(SignedJWT jwt, Identity identity) {
        byte[] sig = jwt.getSignature().decode();
        if (sig.length != 64) {
            return Optional.empty();
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(jwt.getSigningInput());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        ECDSASignature rs = new ECDSASignature(new BigInteger(1, Arrays.copyOfRange(sig, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)));
        for (int recId = 0; recId < 2; recId++) {
            BigInteger pub = recover(recId, rs, digest);
            if (pub == null) {
                continue;
            }
            Address address = Address.fromPublicKey(pub);
            if (identity.canAuthenticate(address) && jwsVerifies(jwt, pub)) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    private static BigInteger recover(int recId, ECDSASignature rs, byte[] digest) {
        try {
            return Sign.recoverFromSignature(recId, rs, digest);
        } catch (RuntimeException e) {
            return null; // r or s out of range: no key
        }
    }

    private static boolean jwsVerifies(SignedJWT jwt, BigInteger publicKey) {
        byte[] raw = new byte[64];
        byte[] key = publicKey.toByteArray();
        int copy = Math.min(key.length, 64);
        System.arraycopy(key, key.length - copy, raw, 64 - copy, copy);
        try {
            ECKey jwk = new ECKey.Builder(Curve.SECP256K1, Base64URL.encode(Arrays.copyOfRange(raw, 0, 32)),
                    Base64URL.encode(Arrays.copyOfRange(raw, 32, 64))).build();
            ECDSAVerifier verifier = new ECDSAVerifier(jwk.toECPublicKey(BC));
            verifier.getJCAContext().setProvider(BC);
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            return false;
        }
    }

    private static Verified refused(String description) {
        return new Verified.Refused(OAuthError.invalidClient(description));
    }
}
