package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessTokensTest {
    private static final String ISSUER = "https://node.grid.example";
    private static final String AUD = "https://portal.grid.example";
    private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    private final TokenKeys keys = TokenKeys.generate();
    private final AccessTokens tokens = new AccessTokens(keys, ISSUER, 1337, clock);

    private String token() {
        return tokens.issue("alice", AUD, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", List.of("identity"), 900).token();
    }

    private String reason(String token, Optional<String> audience) {
        AccessTokens.Verified v = tokens.verify(token, audience);
        assertThat(v).isInstanceOf(AccessTokens.Verified.Invalid.class);
        return ((AccessTokens.Verified.Invalid) v).reason();
    }

    private JWTClaimsSet claimsOf(String token) throws Exception {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Test
    void aTokenWeIssuedVerifies() {
        AccessTokens.Verified v = tokens.verify(token(), Optional.of(AUD));
        assertThat(v).isInstanceOfSatisfying(AccessTokens.Verified.Valid.class, ok -> {
            assertThat(ok.claims().subject()).isEqualTo("alice");
            assertThat(ok.claims().scope()).containsExactly("identity");
        });
    }

    @Test
    void algNoneIsRefused() throws Exception {
        String unsigned = new PlainJWT(claimsOf(token())).serialize();
        assertThat(reason(unsigned, Optional.of(AUD))).contains("not a signed JWT");
        // a JWS header claiming "none" with our kid and an empty signature
        String[] parts = token().split("\\.");
        String noneHeader = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + keys.keyId() + "\"}").toString();
        assertThat(tokens.verify(noneHeader + "." + parts[1] + ".", Optional.of(AUD)))
                .isInstanceOf(AccessTokens.Verified.Invalid.class);
    }

    @Test
    void hmacSignedWithThePublicKeyIsRefused() throws Exception {
        byte[] publicKeyAsSecret = keys.publicKey().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.keyId()).build(),
                claimsOf(token()));
        forged.sign(new MACSigner(publicKeyAsSecret));
        assertThat(reason(forged.serialize(), Optional.of(AUD))).contains("HS256");
        byte[] encoded = keys.publicKey().toECPublicKey().getEncoded();
        byte[] padded = java.util.Arrays.copyOf(encoded, Math.max(encoded.length, 32));
        SignedJWT forged2 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keys.keyId()).build(),
                claimsOf(token()));
        forged2.sign(new MACSigner(padded));
        assertThat(reason(forged2.serialize(), Optional.of(AUD))).contains("HS256");
    }

    @Test
    void anotherKeyWithOurKeyIdIsRefused() throws Exception {
        TokenKeys other = TokenKeys.generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keys.keyId()).build(),
                claimsOf(token()));
        forged.sign(new ECDSASigner(com.nimbusds.jose.jwk.ECKey.parse(other.privateJwk())));
        assertThat(reason(forged.serialize(), Optional.of(AUD))).contains("bad signature");
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String[] parts = token().split("\\.");
        JWTClaimsSet changed = new JWTClaimsSet.Builder(claimsOf(token())).subject("mallory").build();
        String tampered = parts[0] + "." + Base64URL.encode(changed.toString()) + "." + parts[2];
        assertThat(reason(tampered, Optional.of(AUD))).contains("bad signature");
    }

    @Test
    void wrongAudienceOrIssuerIsRefused() {
        assertThat(reason(token(), Optional.of("https://other.example"))).contains("audience");
        AccessTokens otherIssuer = new AccessTokens(keys, "https://evil.example", 1337, clock);
        String foreign = otherIssuer.issue("alice", AUD, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                List.of("identity"), 900).token();
        assertThat(reason(foreign, Optional.of(AUD))).contains("issuer");
        AccessTokens otherChain = new AccessTokens(keys, ISSUER, 1, clock);
        String chain1 = otherChain.issue("alice", AUD, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                List.of("identity"), 900).token();
        assertThat(reason(chain1, Optional.of(AUD))).contains("chain_id");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = token();
        clock.advance(Duration.ofSeconds(900));
        assertThat(reason(token, Optional.of(AUD))).contains("expired");
    }

    @Test
    void aTokenThatVerifiedBeforeStillExpiresAndStillNamesOneAudience() {
        String token = token();
        assertThat(tokens.verify(token, Optional.of(AUD))).isInstanceOf(AccessTokens.Verified.Valid.class);
        assertThat(reason(token, Optional.of("https://other.example"))).contains("audience");
        clock.advance(Duration.ofSeconds(899));
        assertThat(tokens.verify(token, Optional.of(AUD))).isInstanceOf(AccessTokens.Verified.Valid.class);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reason(token, Optional.of(AUD))).contains("expired");
    }

    @Test
    void garbageIsRefused() {
        assertThat(reason("not.a.jwt", Optional.empty())).isNotEmpty();
        assertThat(reason("", Optional.empty())).isNotEmpty();
    }

    @Test
    void aLoadedKeyVerifiesTokensOfTheGeneratedOne() throws Exception {
        TokenKeys loaded = TokenKeys.fromPrivateJwk(keys.privateJwk());
        AccessTokens again = new AccessTokens(loaded, ISSUER, 1337, clock);
        assertThat(again.verify(token(), Optional.of(AUD))).isInstanceOf(AccessTokens.Verified.Valid.class);
        assertThat(JwksDocument.json(keys)).doesNotContain("\"d\"").contains(keys.keyId());
    }
}
