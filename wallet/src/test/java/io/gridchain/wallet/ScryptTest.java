package io.gridchain.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScryptTest {
    @Test
    void matchesTheRfc7914Vectors() {
        assertThat(Hex.encode(Scrypt.derive(new byte[0], new byte[0], 16, 1, 1, 64))).isEqualTo(
                "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"
                        + "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906");
        assertThat(Hex.encode(Scrypt.derive(ascii("password"), ascii("NaCl"), 1024, 8, 16, 64))).isEqualTo(
                "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
                        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
    }

    @Test
    void agreesWithBouncyCastleWhereBouncyCastleAllowsTheParameters() {
        byte[] salt = ascii("salty salt");
        assertThat(Scrypt.derive(ascii("pw"), salt, 4096, 8, 6, 32))
                .isEqualTo(org.bouncycastle.crypto.generators.SCrypt.generate(ascii("pw"), salt, 4096, 8, 6, 32));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
