package io.gridchain.identity.auth;

import static io.gridchain.identity.auth.AuthFixture.issued;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: one shared store of outstanding challenges could be kept full by anyone, and every sign-in
 * then failed. Challenges now store nothing, so a flood for other addresses cannot touch a sign-in.
 */
class ChallengeFloodTest {
    private static final int FLOOD = 200_000;
    private final AuthFixture f = new AuthFixture();

    @Test
    void aSignInSucceedsAtOnceAfter200000ChallengesForRandomAddresses() {
        SigningKey alice = f.chain.fundedKey();
        f.chain.register(alice, "alice");
        Random random = new Random(15);
        for (int i = 0; i < FLOOD; i++) {
            byte[] address = new byte[20];
            random.nextBytes(address);
            SignInService.ChallengeResult r = f.signIn.challenge(Address.of(address).toString(), AuthFixture.AUDIENCE);
            assertThat(r).as("challenge %d of the flood", i).isInstanceOf(SignInService.ChallengeResult.Issued.class);
        }
        assertThat(f.spentNonces.size()).as("challenges that nobody signed leave nothing behind").isZero();

        TokenResult.Issued token = issued(f.signInWith(alice, Map.of()));
        assertThat(token.claims().subject()).isEqualTo("alice");
    }
}
