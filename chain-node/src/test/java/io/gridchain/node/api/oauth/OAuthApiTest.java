package io.gridchain.node.api.oauth;

import static io.gridchain.node.testing.RunningNode.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.auth.ClientAssertions;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.Metadata;
import io.gridchain.node.api.identity.TestSignaturesHighSAccess;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in over HTTP on a running node, as a wallet and a service would use it: the SIWE grant, tokens
 * verified with nimbus independently of the issuing code (JWKS fetched over HTTP), introspection and
 * revocation with caller authentication, and the refusals of issue 6.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthApiTest {
    private static final String AUDIENCE = "https://portal.grid.example";
    @TempDir
    static Path dataDir;
    private RunningNode n;
    private SigningKey alice;
    private final SigningKey laptop = SigningKey.random(new SecureRandom());

    @BeforeAll
    void buildChain() throws Exception {
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS, d -> d.withIdentity(GenesisDocument.IdentitySection.DEV));
        n = new RunningNode(chain, dataDir, Duration.ofMillis(50));
        alice = chain.accounts.get(0);
        n.commit(alice, TransactionBuilders.register("alice", Metadata.EMPTY));
        n.commit(alice, TransactionBuilders.addKey("alice", laptop.address(), KeyPurpose.AUTHENTICATION));
    }

    @AfterAll
    void stop() {
        n.close();
    }

    private JsonNode challenge(SigningKey key) throws Exception {
        HttpResponse<String> r = n.post("/oauth/challenge", "{\"address\":\"" + key.address() + "\",\"audience\":\"" + AUDIENCE + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r);
    }

    private HttpResponse<String> grant(String message, String signature) throws Exception {
        return n.form("/oauth/token", Map.of("grant_type", "urn:gridchain:params:oauth:grant-type:siwe",
                "message", message, "signature", signature, "identity", "alice"));
    }

    private static String sign(SigningKey key, String message) {
        return key.sign(PersonalSign.digest(message)).toString();
    }

    private String signIn(SigningKey key) throws Exception {
        String message = challenge(key).get("message").asText();
        HttpResponse<String> r = grant(message, sign(key, message));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("access_token").asText();
    }

    private void assertOAuthError(HttpResponse<String> r, int status, String error, String descriptionPart) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).as(r.body()).isEqualTo(error);
        assertThat(json(r).get("error_description").asText()).containsIgnoringCase(descriptionPart);
    }

    private HttpResponse<String> introspect(String token, String bearer) throws Exception {
        return n.form("/oauth/introspect", Map.of("token", token), "Authorization", "Bearer " + bearer);
    }

    @Test
    void metadataAndJwksDescribeTheServer() throws Exception {
        JsonNode meta = json(n.get("/.well-known/oauth-authorization-server"));
        assertThat(meta.get("issuer").asText()).isEqualTo(n.base());
        assertThat(meta.get("jwks_uri").asText()).isEqualTo(n.base() + "/oauth/jwks");
        JWKSet jwks = JWKSet.parse(n.get("/oauth/jwks").body());
        assertThat(jwks.getKeys()).hasSize(1);
        assertThat(jwks.getKeys().get(0).isPrivate()).isFalse();
        JsonNode openApi = json(n.get("/openapi.json")).get("paths");
        for (String path : new String[] {"/oauth/token", "/oauth/introspect", "/v1/identities/{name}", "/v1/leases/verify",
                "/v1/proofs/leases/{id}", "/v1/events"}) {
            assertThat(openApi.has(path)).as(path).isTrue();
        }
    }

    /** A service's view: nimbus, the JWKS from HTTP, exact iss and aud, required claims. Nothing of ours. */
    @Test
    void anIssuedTokenVerifiesWithAnIndependentJwtLibrary() throws Exception {
        String token = signIn(laptop);
        JWKSet jwks = JWKSet.load(URI.create(n.base() + "/oauth/jwks").toURL());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new com.nimbusds.jose.JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(AUDIENCE,
                new JWTClaimsSet.Builder().issuer(n.base()).subject("alice").build(),
                Set.of("exp", "iat", "jti", "addr", "chain_id", "scope")));
        JWTClaimsSet claims = processor.process(token, null);
        assertThat(claims.getStringClaim("addr")).isEqualTo(laptop.address().toString());
        assertThat(claims.getLongClaim("chain_id")).isEqualTo(TestChain.CHAIN_ID);

        DefaultJWTProcessor<SecurityContext> otherAudience = new DefaultJWTProcessor<>();
        otherAudience.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new com.nimbusds.jose.JOSEObjectType("at+jwt")));
        otherAudience.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, new ImmutableJWKSet<>(jwks)));
        otherAudience.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("https://other.example", null, null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherAudience.process(token, null))
                .isInstanceOf(BadJWTException.class).hasMessageContaining("aud");
    }

    @Test
    void aNonceIsSingleUse() throws Exception {
        String message = challenge(alice).get("message").asText();
        String sig = sign(alice, message);
        assertThat(grant(message, sig).statusCode()).isEqualTo(200);
        assertOAuthError(grant(message, sig), 400, "invalid_grant", "nonce");
    }

    /** Issue 15: challenges filled one shared store and locked everyone out; they now store nothing. */
    @Test
    void aFloodOfChallengesForOtherAddressesLeavesASignInUntouched() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 2_000; i++) {
            byte[] address = new byte[20];
            random.nextBytes(address);
            HttpResponse<String> r = n.post("/oauth/challenge", "{\"address\":\""
                    + io.gridchain.core.crypto.Address.of(address) + "\",\"audience\":\"" + AUDIENCE + "\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        assertThat(signIn(alice)).isNotEmpty();
    }

    @Test
    void aMessageForAnotherDomainOrChainOrMalformedIsRefused() throws Exception {
        String message = challenge(alice).get("message").asText();
        String host = URI.create(n.base()).getAuthority();
        String otherDomain = message.replace(host + " wants", "evil.example wants");
        assertOAuthError(grant(otherDomain, sign(alice, otherDomain)), 400, "invalid_grant", "domain");
        String otherChain = challenge(alice).get("message").asText().replace("Chain ID: 1337", "Chain ID: 1");
        assertOAuthError(grant(otherChain, sign(alice, otherChain)), 400, "invalid_grant", "chain");
        assertThat(json(grant("hello", sign(alice, "hello"))).get("error").asText()).isIn("invalid_grant", "invalid_request");
    }

    @Test
    void aHighSSignatureIsRefused() throws Exception {
        String message = challenge(alice).get("message").asText();
        String highS = Hex.encodePrefixed(TestSignaturesHighSAccess.of(alice.sign(PersonalSign.digest(message))));
        assertOAuthError(grant(message, highS), 400, "invalid_grant", "high-s");
    }

    @Test
    void introspectionNeedsAnAuthenticatedCaller() throws Exception {
        String token = signIn(alice);
        HttpResponse<String> anonymous = n.form("/oauth/introspect", Map.of("token", token));
        assertOAuthError(anonymous, 401, "invalid_client", "authenticate");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        JsonNode active = json(introspect(token, token));
        assertThat(active.get("active").asBoolean()).isTrue();
        assertThat(active.get("sub").asText()).isEqualTo("alice");

        // a client assertion of an identity (private_key_jwt) also authenticates the caller
        String assertion = ClientAssertions.create(laptop, "alice", n.base(), Instant.now(), Duration.ofMinutes(1));
        JsonNode viaAssertion = json(n.form("/oauth/introspect", Map.of("token", token, "client_id", "alice",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion)));
        assertThat(viaAssertion.get("active").asBoolean()).isTrue();
    }

    @Test
    void forgedTokensAreNotActive() throws Exception {
        String token = signIn(alice);
        String[] parts = token.split("\\.");
        String kid = SignedJWT.parse(token).getHeader().getKeyID();
        String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".";
        assertThat(json(introspect(none, token)).get("active").asBoolean()).isFalse();

        byte[] publicKeyAsSecret = JWKSet.parse(n.get("/oauth/jwks").body()).getKeys().get(0).toJSONString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SignedJWT hs = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(),
                SignedJWT.parse(token).getJWTClaimsSet());
        hs.sign(new MACSigner(publicKeyAsSecret));
        assertThat(json(introspect(hs.serialize(), token)).get("active").asBoolean()).isFalse();

        // wrong issuer and an expired token, signed by a key of our own choosing: not this node's
        com.nimbusds.jose.jwk.ECKey other = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID(kid).generate();
        JWTClaimsSet expired = new JWTClaimsSet.Builder(SignedJWT.parse(token).getJWTClaimsSet())
                .expirationTime(Date.from(Instant.now().minusSeconds(60))).issuer("http://elsewhere").build();
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).build(), expired);
        foreign.sign(new com.nimbusds.jose.crypto.ECDSASigner(other));
        assertThat(json(introspect(foreign.serialize(), token)).get("active").asBoolean()).isFalse();
    }

    @Test
    void revocationEndsATokenAndRevokingTheKeyOnChainEndsItsTokens() throws Exception {
        String caller = signIn(alice);
        String revoked = signIn(alice);
        assertThat(n.form("/oauth/revoke", Map.of("token", revoked), "Authorization", "Bearer " + caller).statusCode())
                .isEqualTo(200);
        assertThat(json(introspect(revoked, caller)).get("active").asBoolean()).isFalse();

        SigningKey tablet = SigningKey.random(new SecureRandom());
        n.commit(alice, TransactionBuilders.addKey("alice", tablet.address(), KeyPurpose.AUTHENTICATION));
        String tabletToken = signIn(tablet);
        assertThat(json(introspect(tabletToken, caller)).get("active").asBoolean()).isTrue();
        n.commit(alice, TransactionBuilders.revokeKey("alice", tablet.address()));
        assertThat(json(introspect(tabletToken, caller)).get("active").asBoolean()).isFalse();
        String message = challenge(tablet).get("message").asText();
        assertOAuthError(grant(message, sign(tablet, message)), 400, "invalid_grant", "");
    }

    @Test
    void clientCredentialsWithAPrivateKeyJwt() throws Exception {
        String assertion = ClientAssertions.create(laptop, "alice", n.base() + "/oauth/token", Instant.now(), Duration.ofMinutes(1));
        HttpResponse<String> r = n.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", "alice",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "audience", AUDIENCE));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("token_type").asText()).isEqualTo("Bearer");
        HttpResponse<String> replay = n.form("/oauth/token", Map.of("grant_type", "client_credentials", "client_id", "alice",
                "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion", assertion, "audience", AUDIENCE));
        assertOAuthError(replay, 401, "invalid_client", "already used");
    }

    @Test
    void theTokenEndpointIsFormEncodedAndRefusesRepeatedParameters() throws Exception {
        HttpResponse<String> jsonBody = n.post("/oauth/token", "{\"grant_type\":\"client_credentials\"}");
        assertOAuthError(jsonBody, 400, "invalid_request", "x-www-form-urlencoded");
        HttpResponse<String> twice = n.http.send(HttpRequest.newBuilder(URI.create(n.base() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=a&grant_type=b")).build(), HttpResponse.BodyHandlers.ofString());
        assertOAuthError(twice, 400, "invalid_request", "more than once");
        assertOAuthError(n.form("/oauth/token", Map.of("grant_type", "password")), 400, "unsupported_grant_type", "");
    }
}
