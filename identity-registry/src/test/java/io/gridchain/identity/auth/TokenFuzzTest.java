package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.KeyPurpose;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two JWTs a node reads from callers. First input byte even: an access token (introspection and
 * every authenticated request) verifies to the claims we issued or is Invalid with a reason. Odd: a
 * client assertion (private_key_jwt, RFC 7523) verifies to its client or is Refused with an OAuth
 * error. Neither throws, whatever the header, claims, signature or base64 hold.
 */
@Tag("fuzz")
class TokenFuzzTest {
    private static final AuthFixture FIXTURE = new AuthFixture();
    private static final SigningKey SERVICE = FIXTURE.chain.key();

    static {
        SigningKey owner = FIXTURE.chain.fundedKey();
        FIXTURE.chain.register(owner, "scheduler");
        FIXTURE.chain.applied(owner, TransactionBuilders.addKey("scheduler", SERVICE.address(), KeyPurpose.AUTHENTICATION));
    }

    static Stream<byte[]> seeds() {
        String token = FIXTURE.tokens.issue("alice", AuthFixture.AUDIENCE, SERVICE.address().toString(),
                List.of("openid", "leases:write"), 600).token();
        String assertion = ClientAssertions.create(SERVICE, "scheduler", FIXTURE.config.tokenEndpoint(),
                FIXTURE.clock.instant(), Duration.ofMinutes(2));
        return Stream.of(tagged(0, token), tagged(1, assertion), tagged(0, "e30.e30.")); // {}.{}.
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void verifiesOrRefusesWithAReason(byte[] input) {
        if (input.length == 0 || input.length > 16 * 1024) {
            return;
        }
        String jwt = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
        if ((input[0] & 1) == 0) {
            AccessTokens.Verified v = FIXTURE.tokens.verify(jwt, Optional.of(AuthFixture.AUDIENCE));
            if (v instanceof AccessTokens.Verified.Invalid invalid) {
                assertThat(invalid.reason()).isNotBlank();
            } else {
                assertThat(((AccessTokens.Verified.Valid) v).claims().issuer()).isEqualTo(FIXTURE.config.issuer());
            }
        } else {
            ClientAssertions.Verified v = FIXTURE.clients.verify("scheduler", jwt, FIXTURE.chain.committed);
            if (v instanceof ClientAssertions.Verified.Refused refused) {
                assertThat(refused.error().description()).isNotBlank();
            } else {
                assertThat(((ClientAssertions.Verified.Ok) v).client().key()).isEqualTo(SERVICE.address());
            }
        }
    }

    private static byte[] tagged(int tag, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) tag;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }
}
