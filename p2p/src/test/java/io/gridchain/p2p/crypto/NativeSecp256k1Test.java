package io.gridchain.p2p.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.Test;

/** libsecp256k1 and Bouncy Castle sign alike and agree on every verdict, high S refused by both. */
class NativeSecp256k1Test {
  @Test
  void onLinuxTheNativeLibraryIsInUse() {
    String arch = System.getProperty("os.arch");
    assumeTrue(System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64")),
        "libsecp256k1's natives are published for Linux x86_64 and aarch64 only");
    assertThat(NativeSecp256k1.available()).isTrue();
  }

  @Test
  void bothPathsSignAlikeAndAcceptEachOthersSignatures() throws Exception {
    assumeTrue(NativeSecp256k1.available());
    Random random = new Random(11);
    for (int i = 0; i < 200; i++) {
      Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(new SecureRandom());
      byte[] data = ("gossip " + i + " " + random.nextLong()).getBytes(StandardCharsets.UTF_8);
      byte[] digest = Secp256k1Curve.sha256(data);
      BigInteger[] java = key.signWithJava(digest);
      assertThat(NativeSecp256k1.sign(digest, key.raw())).as("message %d", i).containsExactly(java);

      Secp256k1PublicKey pub = (Secp256k1PublicKey) key.publicKey();
      assertThat(pub.verify(data, key.sign(data))).isTrue();
      assertThat(pub.verifyWithJava(java, digest)).isTrue();
      byte[] other = Secp256k1Curve.sha256(("other " + i).getBytes(StandardCharsets.UTF_8));
      assertThat(NativeSecp256k1.verify(java[0], java[1], other, pub.raw())).isFalse();
      assertThat(pub.verifyWithJava(java, other)).isFalse();
    }
  }

  @Test
  void aHighSTwinOrGarbageIsRefused() throws Exception {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(new SecureRandom());
    byte[] data = "vote".getBytes(StandardCharsets.UTF_8);
    BigInteger n = Secp256k1Curve.DOMAIN.getN();
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, key.sign(data));
    byte[] highS = StandardDSAEncoding.INSTANCE.encode(n, rs[0], n.subtract(rs[1]));
    assertThat(key.publicKey().verify(data, highS)).isFalse();
    assertThat(key.publicKey().verify(data, new byte[] {0x30, 0x02, 0x01})).isFalse();
    assertThat(key.publicKey().verify(data, new byte[0])).isFalse();
  }
}
