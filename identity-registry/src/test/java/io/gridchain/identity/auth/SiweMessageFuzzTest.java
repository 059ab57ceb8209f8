package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIWE (EIP-4361) parser, which reads what a wallet sends to the token endpoint. Any text parses
 * to a message that renders to text parsing to the same message, or is Invalid with a reason; it never
 * throws. The same text through the whole SIWE grant ({@link SignInService#token}) answers a token or
 * an OAuth error, never an exception.
 */
@Tag("fuzz")
class SiweMessageFuzzTest {
    private static final AuthFixture FIXTURE = new AuthFixture();
    private static final SigningKey WALLET = FIXTURE.chain.key();

    static Stream<byte[]> seeds() {
        String challenge = FIXTURE.challenge(WALLET).message();
        String eip = """
                https://service.invalid:8443 wants you to sign in with your Ethereum account:
                0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

                I accept the ServiceOrg Terms of Service: https://service.invalid/tos

                URI: https://service.invalid/login
                Version: 1
                Chain ID: 1
                Nonce: 32891756
                Issued At: 2021-09-30T16:25:24+02:00
                Expiration Time: 2021-09-30T17:25:24Z
                Not Before: 2021-09-30T16:25:24.5Z
                Request ID: abc-1
                Resources:
                - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
                - https://example.com/my-web2-claim.json""";
        return Stream.of(challenge, eip).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void parsesToAMessageThatRendersBackOrGivesAReason(byte[] input) {
        if (input.length > 16 * 1024) {
            return; // the token endpoint's form is bounded well below this
        }
        String text = new String(input, StandardCharsets.UTF_8);
        SiweMessage.Parsed parsed = SiweMessage.parse(text);
        if (parsed instanceof SiweMessage.Parsed.Invalid invalid) {
            assertThat(invalid.reason()).isNotBlank();
        } else {
            SiweMessage message = ((SiweMessage.Parsed.Valid) parsed).message();
            assertThat(SiweMessage.parse(message.render())).isEqualTo(parsed);
        }
        TokenResult result = FIXTURE.signIn.token(AuthFixture.siweForm(text, AuthFixture.personalSign(WALLET, text)));
        assertThat(result).isNotNull();
        if (result instanceof TokenResult.Refused refused) {
            assertThat(refused.error().description()).isNotBlank();
        }
    }
}
