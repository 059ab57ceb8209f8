package io.gridchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublicKeyRecoveryTest {
    @Test
    void onLinuxTheNativeLibraryIsTheOneInUse() {
        String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64")),
                "libsecp256k1's natives are published for Linux x86_64 and aarch64 only");
        assertThat(PublicKeyRecovery.backend()).isEqualTo("libsecp256k1 (native)");
    }

    @Test
    void nativeAndJavaRecoverTheSameKeyForEverySignatureAndRecoveryId() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            SigningKey key = SigningKey.fromPrivateKey(bytes(random, 32));
            Hash32 digest = Keccak.hash(("message " + i).getBytes(StandardCharsets.UTF_8));
            Signature sig = key.sign(digest);
            assertThat(sig.recoverSigner(digest)).contains(key.address());
            for (int recoveryId = 0; recoveryId < 4; recoveryId++) {
                assertThat(PublicKeyRecovery.recover(sig.r(), sig.s(), recoveryId, digest.bytes()))
                        .as("signature %d, recovery id %d", i, recoveryId)
                        .isEqualTo(PublicKeyRecovery.recoverWithJava(sig.r(), sig.s(), recoveryId, digest.bytes()));
            }
        }
    }

    @Test
    void valuesThatAreNoSignatureRecoverNoKeyOnEitherPath() {
        byte[] digest = Keccak.hash(new byte[] {1}).bytes();
        BigInteger one = BigInteger.ONE;
        // x = 5 is not the x of any point on secp256k1 (5^3 + 7 = 132 is no square mod p)
        BigInteger noPoint = BigInteger.valueOf(5);
        assertThat(PublicKeyRecovery.recover(noPoint, one, 0, digest)).isNull();
        assertThat(PublicKeyRecovery.recoverWithJava(noPoint, one, 0, digest)).isNull();
        assertThat(PublicKeyRecovery.recover(Signature.N, one, 0, digest)).isNull();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        b[0] |= 1; // never zero
        b[0] &= 0x7f; // below the group order
        return b;
    }
}
