package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiweMessageTest {
    /** The example of EIP-4361. */
    private static final String EIP_EXAMPLE = """
            service.invalid wants you to sign in with your Ethereum account:
            0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2

            I accept the ServiceOrg Terms of Service: https://service.invalid/tos

            URI: https://service.invalid/login
            Version: 1
            Chain ID: 1
            Nonce: 32891756
            Issued At: 2021-09-30T16:25:24Z
            Resources:
            - ipfs://bafybeiemxf5abjwjbikoz4mc3a3dla6ual3jsgpdr4cjr3oz3evfyavhwq/
            - https://example.com/my-web2-claim.json""";

    private static SiweMessage valid(String text) {
        SiweMessage.Parsed p = SiweMessage.parse(text);
        assertThat(p).isInstanceOf(SiweMessage.Parsed.Valid.class);
        return ((SiweMessage.Parsed.Valid) p).message();
    }

    private static String reason(String text) {
        SiweMessage.Parsed p = SiweMessage.parse(text);
        assertThat(p).isInstanceOf(SiweMessage.Parsed.Invalid.class);
        return ((SiweMessage.Parsed.Invalid) p).reason();
    }

    @Test
    void parsesTheEipExampleAndRendersItBack() {
        SiweMessage m = valid(EIP_EXAMPLE);
        assertThat(m.domain()).isEqualTo("service.invalid");
        assertThat(m.chainId()).isEqualTo(1);
        assertThat(m.nonce()).isEqualTo("32891756");
        assertThat(m.issuedAt()).isEqualTo(Instant.parse("2021-09-30T16:25:24Z"));
        assertThat(m.resources()).hasSize(2);
        assertThat(m.render()).isEqualTo(EIP_EXAMPLE);
    }

    @Test
    void roundTripsWithoutStatementAndWithEveryOptionalField() {
        SiweMessage m = new SiweMessage(Optional.of("https"), "node.example:8443",
                "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", Optional.empty(), "https://node.example/login", "1",
                1337, "abcdef0123456789", Instant.parse("2026-01-01T00:00:00Z"),
                Optional.of(Instant.parse("2026-01-01T00:05:00Z")), Optional.of(Instant.parse("2026-01-01T00:00:00Z")),
                Optional.of("req-1"), List.of("https://portal.example"));
        assertThat(m.render()).contains("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2\n\n\nURI: ");
        assertThat(valid(m.render())).isEqualTo(m);
    }

    @Test
    void aConfigurationThatCannotFormAValidMessageIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuthConfig("https://n.example", "n.example",
                "https://n.example/login", 1, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(1),
                "two\nlines")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statement");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuthConfig("https://n.example", "n example",
                "https://n.example/login", 1, java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(1),
                "ok")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain");
    }

    @Test
    void refusesMalformedMessagesWithAReason() {
        assertThat(reason(EIP_EXAMPLE + "\n")).contains("newline");
        assertThat(reason(EIP_EXAMPLE.replace("\n", "\r\n"))).contains("CR");
        assertThat(reason(EIP_EXAMPLE.replace("Version: 1", "Version: 2"))).contains("Version");
        assertThat(reason(EIP_EXAMPLE.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2"))).contains("EIP-55");
        assertThat(reason(EIP_EXAMPLE.replace("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc3"))).contains("address");
        assertThat(reason(EIP_EXAMPLE.replace("Nonce: 32891756", "Nonce: 1234"))).contains("Nonce");
        assertThat(reason(EIP_EXAMPLE.replace("Chain ID: 1", "Chain ID: 01"))).contains("Chain ID");
        assertThat(reason(EIP_EXAMPLE.replace("2021-09-30T16:25:24Z", "yesterday"))).contains("Issued At");
        assertThat(reason(EIP_EXAMPLE.replace("URI: https://service.invalid/login", "URI: /login"))).contains("URI");
        assertThat(reason(EIP_EXAMPLE.replace("Resources:\n- ipfs", "Resources:\n-ipfs"))).contains("Resources");
        assertThat(reason(EIP_EXAMPLE.replace("Chain ID: 1\n", ""))).contains("Chain ID");
        assertThat(reason(EIP_EXAMPLE.replace(" wants you to sign in", " wants you to log in"))).contains("line 1");
        assertThat(reason(EIP_EXAMPLE.replace("service.invalid wants", "evil.example/x wants"))).contains("domain");
        assertThat(reason(EIP_EXAMPLE + "\nExtra: line")).contains("unexpected line");
        assertThat(reason("")).contains("empty");
        assertThat(reason("service.invalid wants you to sign in with your Ethereum account:")).contains("ends");
    }
}
