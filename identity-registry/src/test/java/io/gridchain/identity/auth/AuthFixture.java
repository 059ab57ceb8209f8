package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.IdentityChain;
import io.gridchain.identity.IdentityParams;
import io.gridchain.identity.PersonalSign;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A chain with identities plus the whole authorization server wired as the node will wire it. */
final class AuthFixture {
    static final String AUDIENCE = "https://portal.grid.example";
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    final IdentityChain chain = new IdentityChain(IdentityParams.DEV);
    final AuthConfig config = new AuthConfig("https://node.grid.example", "node.grid.example",
            "https://node.grid.example/login", IdentityChain.CHAIN_ID, Duration.ofMinutes(5), Duration.ofMinutes(15),
            "Sign in to Gridchain");
    final TokenKeys keys = TokenKeys.generate();
    final BoundedTokenIdStore spentNonces = BoundedTokenIdStore.inMemory(clock, 1000, 10_000);
    final BoundedTokenIdStore revoked = BoundedTokenIdStore.inMemory(clock, 1000, 10_000);
    final AccessTokens tokens = new AccessTokens(keys, config.issuer(), config.chainId(), clock);
    final ClientAssertions clients = new ClientAssertions(config, BoundedTokenIdStore.inMemory(clock, 1000, 10_000),
            clock);
    final SignInService signIn = new SignInService(config, ChallengeNonces.derivedFrom(keys, new SecureRandom()),
            spentNonces, () -> chain.committed, tokens, clients, clock);
    final TokenIntrospection introspection = new TokenIntrospection(tokens, revoked, () -> chain.committed);

    SignInService.ChallengeResult.Issued challenge(SigningKey key) {
        SignInService.ChallengeResult r = signIn.challenge(key.address().toString(), AUDIENCE);
        assertThat(r).isInstanceOf(SignInService.ChallengeResult.Issued.class);
        return (SignInService.ChallengeResult.Issued) r;
    }

    static String personalSign(SigningKey key, String message) {
        return key.sign(PersonalSign.digest(message)).toString();
    }

    static Map<String, String> siweForm(String message, String signature) {
        Map<String, String> form = new HashMap<>();
        form.put("grant_type", AuthConfig.SIWE_GRANT);
        form.put("message", message);
        form.put("signature", signature);
        return form;
    }

    TokenResult signInWith(SigningKey key, Map<String, String> extra) {
        String message = challenge(key).message();
        Map<String, String> form = siweForm(message, personalSign(key, message));
        form.putAll(extra);
        return signIn.token(form);
    }

    static TokenResult.Issued issued(TokenResult r) {
        assertThat(r).isInstanceOf(TokenResult.Issued.class);
        return (TokenResult.Issued) r;
    }

    static OAuthError error(TokenResult r) {
        assertThat(r).isInstanceOf(TokenResult.Refused.class);
        return ((TokenResult.Refused) r).error();
    }
}
