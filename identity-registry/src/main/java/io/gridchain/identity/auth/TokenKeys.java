package io.gridchain.identity.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The node's token-signing key: ES256 (P-256), generated at start or loaded from its private JWK.
 * Only the public half ever leaves this class ({@link #publicJwks()}).
 */
public final class TokenKeys {
    private final ECKey key;

    private TokenKeys(ECKey key) {
        this.key = key;
    }

    public static TokenKeys generate() {
        try {
            return new TokenKeys(new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).keyIDFromThumbprint(true).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("P-256 key generation is part of every Java 17 runtime", e);
        }
    }

    /** Loads a private P-256 JWK (as {@link #privateJwk()} wrote it). */
    public static TokenKeys fromPrivateJwk(String json) throws ParseException {
        ECKey key = ECKey.parse(json);
        if (!Curve.P_256.equals(key.getCurve()) || !key.isPrivate()) {
            throw new ParseException("the token key must be a private P-256 EC JWK", 0);
        }
        if (key.getKeyID() == null) {
            try {
                key = new ECKey.Builder(key).keyIDFromThumbprint().build();
            } catch (JOSEException e) {
                throw new ParseException("cannot compute the key id: " + e.getMessage(), 0);
            }
        }
        return new TokenKeys(key);
    }

    /** For the node to persist the key; never serve it. */
    public String privateJwk() {
        return key.toJSONString();
    }

    ECKey signingKey() {
        return key;
    }

    public ECKey publicKey() {
        return key.toPublicJWK();
    }

    public String keyId() {
        return key.getKeyID();
    }

    /**
     * A secret for another purpose of this node (HMAC-SHA256 of {@code purpose} under the private scalar):
     * it lives as long as the signing key, and distinct purposes give unrelated secrets.
     */
    byte[] derivedSecret(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getD().decode(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public JWKSet publicJwks() {
        return new JWKSet(key.toPublicJWK());
    }
}
