package io.gridchain.identity.auth;

import static io.gridchain.identity.auth.AuthFixture.error;
import static io.gridchain.identity.auth.AuthFixture.issued;
import static io.gridchain.identity.auth.AuthFixture.personalSign;
import static io.gridchain.identity.auth.AuthFixture.siweForm;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.TestSignatures;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.MemberRef;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SiweSignInTest {
    private final AuthFixture f = new AuthFixture();
    private final SigningKey alice = f.chain.fundedKey();
    private final SigningKey laptop = f.chain.key();

    @BeforeEach
    void aliceWithALaptopKey() {
        f.chain.register(alice, "alice");
        f.chain.applied(alice, TransactionBuilders.addKey("alice", laptop.address(), KeyPurpose.AUTHENTICATION));
    }

    @Test
    void theOwnerSignsInAndTheTokenVerifiesWithAnIndependentNimbusSetupFromTheJwksJson() throws Exception {
        TokenResult.Issued token = issued(f.signInWith(alice, Map.of()));
        assertThat(token.toMap()).containsEntry("token_type", "Bearer").containsEntry("scope", "identity");

        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new com.nimbusds.jose.JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256,
                new ImmutableJWKSet<>(JWKSet.parse(JwksDocument.json(f.keys)))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(AuthFixture.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(f.config.issuer()).subject("alice").build(),
                Set.of("exp", "iat", "jti", "addr", "chain_id", "scope")));
        JWTClaimsSet claims = processor.process(token.accessToken(), null);
        assertThat(claims.getStringClaim("addr")).isEqualTo(alice.address().toString());
        assertThat(claims.getLongClaim("chain_id")).isEqualTo(f.config.chainId());
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .isEqualTo(f.config.tokenTtl().toMillis());
    }

    @Test
    void anAuthenticationKeySignsInNamingItsIdentity() {
        TokenResult.Issued token = issued(f.signInWith(laptop, Map.of("identity", "alice")));
        assertThat(token.claims().subject()).isEqualTo("alice");
        assertThat(token.claims().address()).isEqualTo(laptop.address().toString());
        assertThat(error(f.signInWith(laptop, Map.of())).error()).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void aReplayedNonceIsRefused() {
        String message = f.challenge(alice).message();
        Map<String, String> form = siweForm(message, personalSign(alice, message));
        issued(f.signIn.token(form));
        OAuthError e = error(f.signIn.token(form));
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(e.description()).contains("nonce");
    }

    /**
     * Found by SiweMessageFuzzTest: a nonce of the right length whose expiry field is beyond what an
     * Instant holds threw DateTimeException out of the token endpoint (a 500) instead of refusing.
     */
    @Test
    void aNonceWithAnImpossibleExpiryIsRefused() {
        String message = f.challenge(alice).message();
        String nonce = message.lines().filter(l -> l.startsWith("Nonce: ")).findFirst().orElseThrow().substring(7);
        String forged = nonce.substring(0, 2) + "7fffffffffffffff" + nonce.substring(18);
        String text = message.replace(nonce, forged);
        OAuthError error = error(f.signIn.token(siweForm(text, personalSign(alice, text))));
        assertThat(error.error()).isEqualTo("invalid_grant");
        assertThat(error.description()).contains("not issued by this node");
    }

    @Test
    void anExpiredNonceIsRefused() {
        String message = f.challenge(alice).message();
        f.clock.advance(f.config.challengeTtl().plusSeconds(1));
        OAuthError e = error(f.signIn.token(siweForm(message, personalSign(alice, message))));
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(e.description()).contains("expired");
    }

    @Test
    void aNonceIsUsableOnlyWhenItsStoreStillHoldsIt() {
        String message = f.challenge(alice).message();
        // expiry in the message removed by an attacker: the store still refuses the stale nonce
        String noExpiry = message.replaceAll("\nExpiration Time: [^\n]+", "");
        f.clock.advance(f.config.challengeTtl().plusSeconds(1));
        OAuthError e = error(f.signIn.token(siweForm(noExpiry, personalSign(alice, noExpiry))));
        assertThat(e.description()).contains("nonce");
    }

    @Test
    void aBadSignatureDoesNotSpendTheNonce() {
        SigningKey mallory = f.chain.key();
        String message = f.challenge(alice).message();
        assertThat(error(f.signIn.token(siweForm(message, personalSign(mallory, message)))).description())
                .contains("not by");
        assertThat(f.spentNonces.size()).isZero();
        issued(f.signIn.token(siweForm(message, personalSign(alice, message))));
        assertThat(f.spentNonces.size()).isEqualTo(1);
    }

    @Test
    void theNonceOutlivesNothingItIsBoundTo() {
        String message = f.challenge(alice).message();
        f.clock.advance(f.config.challengeTtl());
        assertThat(error(f.signIn.token(siweForm(message, personalSign(alice, message)))).description())
                .contains("expired");
    }

    @Test
    void theStatementAndIssuedAtMustBeTheChallenges() {
        String message = f.challenge(alice).message();
        String otherStatement = message.replace("Sign in to Gridchain", "Send all my tokens away");
        assertThat(error(f.signIn.token(siweForm(otherStatement, personalSign(alice, otherStatement)))).description())
                .contains("statement");
        java.time.Instant earlier = f.clock.instant().minusSeconds(30);
        String otherIssuedAt = message.replaceFirst("Issued At: [^\n]+", "Issued At: " + earlier);
        assertThat(error(f.signIn.token(siweForm(otherIssuedAt, personalSign(alice, otherIssuedAt)))).description())
                .contains("nonce was issued for another");
        String forged = message.replaceFirst("Nonce: [0-9a-f]+", "Nonce: 0123456789abcdef");
        assertThat(error(f.signIn.token(siweForm(forged, personalSign(alice, forged)))).description())
                .contains("not issued by this node");
        issued(f.signIn.token(siweForm(message, personalSign(alice, message))));
    }

    @Test
    void aMessageIssuedInTheFutureIsRefused() {
        String message = f.challenge(alice).message();
        java.time.Instant later = f.clock.instant().plus(Duration.ofHours(1));
        String future = message.replaceFirst("Issued At: [^\n]+", "Issued At: " + later);
        assertThat(error(f.signIn.token(siweForm(future, personalSign(alice, future)))).description())
                .contains("future");
    }

    @Test
    void aMessageForAnotherDomainOrChainIsRefused() {
        String message = f.challenge(alice).message();
        String otherDomain = message.replace("node.grid.example wants", "evil.example wants");
        assertThat(error(f.signIn.token(siweForm(otherDomain, personalSign(alice, otherDomain)))))
                .satisfies(e -> {
                    assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT);
                    assertThat(e.description()).contains("domain");
                });
        String message2 = f.challenge(alice).message();
        String otherChain = message2.replace("Chain ID: 1337", "Chain ID: 1");
        assertThat(error(f.signIn.token(siweForm(otherChain, personalSign(alice, otherChain)))))
                .satisfies(e -> {
                    assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT);
                    assertThat(e.description()).contains("chain");
                });
    }

    @Test
    void aNonceIsBoundToItsAddressAndAudience() {
        SigningKey mallory = f.chain.fundedKey();
        f.chain.register(mallory, "mallory");
        String forAlice = f.challenge(alice).message();
        String stolen = forAlice.replace(alice.address().toString(), mallory.address().toString());
        assertThat(error(f.signIn.token(siweForm(stolen, personalSign(mallory, stolen)))).description())
                .contains("nonce was issued for another");
        String other = f.challenge(alice).message();
        String otherAudience = other.replace(AuthFixture.AUDIENCE, "https://other.example");
        assertThat(error(f.signIn.token(siweForm(otherAudience, personalSign(alice, otherAudience)))).description())
                .contains("nonce was issued for another");
    }

    @Test
    void aMalformedMessageIsAnInvalidRequest() {
        OAuthError e = error(f.signIn.token(siweForm("hello", personalSign(alice, "hello"))));
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(e.description()).startsWith("malformed SIWE message");
    }

    @Test
    void aSignatureByARevokedKeyIsRefused() {
        f.chain.applied(alice, TransactionBuilders.revokeKey("alice", laptop.address()));
        OAuthError e = error(f.signInWith(laptop, Map.of("identity", "alice")));
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void aHighSOrForeignSignatureIsRefused() {
        String message = f.challenge(alice).message();
        String highS = io.gridchain.core.bytes.Hex.encodePrefixed(
                TestSignatures.highS(alice.sign(PersonalSign.digest(message))));
        OAuthError e = error(f.signIn.token(siweForm(message, highS)));
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_GRANT);
        assertThat(e.description()).contains("high-s");

        String message2 = f.challenge(alice).message();
        assertThat(error(f.signIn.token(siweForm(message2, personalSign(laptop, message2)))).description())
                .contains("not by");
    }

    @Test
    void aSuspendedIdentityCannotSignIn() {
        f.chain.applied(f.chain.registrar, TransactionBuilders.suspend("alice"));
        assertThat(error(f.signInWith(alice, Map.of())).error()).isEqualTo(OAuthError.INVALID_GRANT);
    }

    @Test
    void memberofScopesAreGrantedOnlyForOrganizationsTheIdentityBelongsTo() {
        f.chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        f.chain.applied(alice, TransactionBuilders.createOrg("other", "alice"));
        SigningKey bob = f.chain.fundedKey();
        f.chain.register(bob, "bob");
        f.chain.applied(bob, TransactionBuilders.createOrg("bobco", "bob"));
        f.chain.applied(alice, TransactionBuilders.addOrgMember("acme", "alice", MemberRef.identity("bob")));

        TokenResult.Issued token = issued(f.signInWith(bob, Map.of("scope", "memberof:acme memberof:other")));
        assertThat(token.claims().scope()).containsExactly("identity", "memberof:acme");

        OAuthError e = error(f.signInWith(bob, Map.of("scope", "memberof:acme.ghost")));
        assertThat(e.error()).isEqualTo(OAuthError.INVALID_SCOPE);
        assertThat(error(f.signInWith(bob, Map.of("scope", "admin"))).error()).isEqualTo(OAuthError.INVALID_SCOPE);
    }

    @Test
    void grantTypesAndChallengesAreChecked() {
        assertThat(error(f.signIn.token(Map.of())).error()).isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(error(f.signIn.token(Map.of("grant_type", "password"))).error())
                .isEqualTo(OAuthError.UNSUPPORTED_GRANT_TYPE);
        assertThat(error(f.signIn.token(Map.of("grant_type", AuthConfig.SIWE_GRANT))).error())
                .isEqualTo(OAuthError.INVALID_REQUEST);
        assertThat(f.signIn.challenge("0x1234", AuthFixture.AUDIENCE))
                .isInstanceOf(SignInService.ChallengeResult.Refused.class);
        assertThat(f.signIn.challenge(alice.address().toString(), "https://x.example\nURI: https://evil"))
                .isInstanceOf(SignInService.ChallengeResult.Refused.class);
        assertThat(f.signIn.challenge(alice.address().toString(), "not a uri"))
                .isInstanceOf(SignInService.ChallengeResult.Refused.class);
        SignInService.ChallengeResult.Issued c = f.challenge(alice);
        assertThat(c.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(c.message()).contains("Nonce: " + c.nonce()).contains("- " + AuthFixture.AUDIENCE);
    }
}
