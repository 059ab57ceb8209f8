package io.gridchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Secp256k1BackendTest {
    @Test
    void onLinuxTheNativeLibraryIsTheOneInUse() {
        String arch = System.getProperty("os.arch");
        assumeTrue(System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64")),
                "libsecp256k1's natives are published for Linux x86_64 and aarch64 only");
        assertThat(Secp256k1Backend.backend()).isEqualTo("libsecp256k1 (native)");
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
                assertThat(Secp256k1Backend.recover(sig.r(), sig.s(), recoveryId, digest.bytes()))
                        .as("signature %d, recovery id %d", i, recoveryId)
                        .isEqualTo(Secp256k1Backend.recoverWithJava(sig.r(), sig.s(), recoveryId, digest.bytes()));
            }
        }
    }

    @Test
    void nativeAndJavaSignAlikeWithLowS() {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            SigningKey key = SigningKey.fromPrivateKey(bytes(random, 32));
            byte[] digest = Keccak.hash(("vote " + i).getBytes(StandardCharsets.UTF_8)).bytes();
            BigInteger[] used = Secp256k1Backend.sign(key.toKeyPair(), digest);
            BigInteger[] java = Secp256k1Backend.signWithJava(key.toKeyPair(), digest);
            assertThat(used).as("signature %d", i).containsExactly(java);
            assertThat(used[1]).isLessThanOrEqualTo(Signature.N.shiftRight(1));
        }
    }

    @Test
    void valuesThatAreNoSignatureRecoverNoKeyOnEitherPath() {
        byte[] digest = Keccak.hash(new byte[] {1}).bytes();
        BigInteger one = BigInteger.ONE;
        // x = 5 is not the x of any point on secp256k1 (5^3 + 7 = 132 is no square mod p)
        BigInteger noPoint = BigInteger.valueOf(5);
        assertThat(Secp256k1Backend.recover(noPoint, one, 0, digest)).isNull();
        assertThat(Secp256k1Backend.recoverWithJava(noPoint, one, 0, digest)).isNull();
        assertThat(Secp256k1Backend.recover(Signature.N, one, 0, digest)).isNull();
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        b[0] |= 1; // never zero
        b[0] &= 0x7f; // below the group order
        return b;
    }
}
