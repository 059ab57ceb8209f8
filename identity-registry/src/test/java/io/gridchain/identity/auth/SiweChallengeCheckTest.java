package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.IdentityChain;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client's check of a challenge before it signs: the node's own challenge passes, anything else is named. */
class SiweChallengeCheckTest {
    private static final URI NODE = URI.create("https://node.grid.example");
    private final AuthFixture f = new AuthFixture();
    private final SigningKey key = SigningKey.random(new SecureRandom());

    private Optional<String> check(String message, URI node) {
        return SiweChallengeCheck.problem(message, node, key.address(), IdentityChain.CHAIN_ID, AuthFixture.AUDIENCE,
                f.clock.instant());
    }

    private SiweMessage parsed(String message) {
        return ((SiweMessage.Parsed.Valid) SiweMessage.parse(message)).message();
    }

    private String with(SiweMessage m, String domain, String uri, long chainId, Optional<Instant> expires, Instant issued) {
        return new SiweMessage(m.scheme(), domain, m.address(), m.statement(), uri, m.version(), chainId, m.nonce(), issued,
                expires, m.notBefore(), m.requestId(), m.resources()).render();
    }

    @Test
    void theNodesOwnChallengePasses() {
        assertThat(check(f.challenge(key).message(), NODE)).isEmpty();
    }

    @Test
    void aChallengeForAnotherSiteChainKeyOrTimeIsRefusedWithItsReason() {
        String message = f.challenge(key).message();
        SiweMessage m = parsed(message);
        assertThat(check(message, URI.create("https://evil.example"))).get().asString()
                .isEqualTo("the challenge is for node.grid.example, not for evil.example, the node called");
        assertThat(check(message, URI.create("https://node.grid.example:8443"))).get().asString()
                .contains("not for node.grid.example:8443");
        assertThat(check(with(m, m.domain(), "https://evil.example/login", m.chainId(), m.expirationTime(), m.issuedAt()), NODE))
                .get().asString().contains("URI https://evil.example/login");
        assertThat(check(with(m, m.domain(), m.uri(), 1, m.expirationTime(), m.issuedAt()), NODE))
                .get().asString().isEqualTo("the challenge is for chain 1, not chain " + IdentityChain.CHAIN_ID);
        Instant now = f.clock.instant();
        assertThat(check(with(m, m.domain(), m.uri(), m.chainId(), Optional.of(now.minusSeconds(120)), now.minusSeconds(400)), NODE))
                .get().asString().startsWith("the challenge expired at");
        assertThat(check(with(m, m.domain(), m.uri(), m.chainId(), Optional.of(now.plusSeconds(86_400)), now), NODE))
                .get().asString().contains("more than 10 minutes from now");
        assertThat(check(with(m, m.domain(), m.uri(), m.chainId(), Optional.empty(), now), NODE))
                .get().asString().isEqualTo("the challenge has no expiration time");
        SigningKey other = SigningKey.random(new SecureRandom());
        assertThat(SiweChallengeCheck.problem(message, NODE, other.address(), IdentityChain.CHAIN_ID, AuthFixture.AUDIENCE, now))
                .get().asString().contains("not for the signing key " + other.address());
        assertThat(SiweChallengeCheck.problem(message, NODE, key.address(), IdentityChain.CHAIN_ID, "https://bank.example", now))
                .get().asString().isEqualTo("the challenge is not for the audience https://bank.example");
        assertThat(check("hello", NODE)).get().asString().startsWith("the node's challenge is not a SIWE message");
    }

    @Test
    void aClientClockAMinuteOffStillSigns() {
        String message = f.challenge(key).message();
        Instant now = f.clock.instant();
        assertThat(SiweChallengeCheck.problem(message, NODE, key.address(), IdentityChain.CHAIN_ID, AuthFixture.AUDIENCE,
                now.minusSeconds(50))).isEmpty();
        assertThat(SiweChallengeCheck.problem(message, NODE, key.address(), IdentityChain.CHAIN_ID, AuthFixture.AUDIENCE,
                now.plusSeconds(50))).isEmpty();
    }
}
