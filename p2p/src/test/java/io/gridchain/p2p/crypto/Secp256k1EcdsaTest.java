package io.gridchain.p2p.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Random;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** libsecp256k1 and Bouncy Castle sign alike, accept each other's signatures and refuse the same bad ones. */
class Secp256k1EcdsaTest {
  private static final BigInteger N = Secp256k1Curve.DOMAIN.getN();
  private final Secp256k1Ecdsa java = Secp256k1Ecdsa.BOUNCY_CASTLE;
  private Secp256k1Ecdsa nat;

  @BeforeEach
  void loadNative() {
    Secp256k1Ecdsa chosen = Secp256k1Ecdsa.choose("auto");
    assumeTrue(chosen != java, "libsecp256k1 does not load on this platform");
    nat = chosen;
  }

  @Test
  void bothSignTheSameAndVerifyEachOther() {
    Random random = new Random(7); // seeded: a failure can be replayed
    for (int i = 0; i < 50; i++) {
      Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(new SecureRandom());
      Secp256k1PublicKey pub = (Secp256k1PublicKey) key.publicKey();
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      BigInteger scalar = new BigInteger(1, key.raw());
      BigInteger[] a = nat.sign(scalar, digest);
      BigInteger[] b = java.sign(scalar, digest);
      assertThat(a).isEqualTo(b);
      assertThat(a[1]).isLessThanOrEqualTo(Secp256k1Curve.HALF_N);
      assertThat(nat.verify(pub, digest, b[0], b[1])).isTrue();
      assertThat(java.verify(pub, digest, a[0], a[1])).isTrue();
      digest[0] ^= 1;
      assertThat(nat.verify(pub, digest, a[0], a[1])).isFalse();
      assertThat(java.verify(pub, digest, a[0], a[1])).isFalse();
    }
  }

  @Test
  void highSIsRefusedThoughItIsTheSameSignatureMirrored() throws Exception {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(new SecureRandom());
    byte[] data = "libp2p-pubsub:message".getBytes(StandardCharsets.US_ASCII);
    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, key.sign(data));
    byte[] highS = StandardDSAEncoding.INSTANCE.encode(N, rs[0], N.subtract(rs[1]));
    assertThat(key.publicKey().verify(data, key.sign(data))).isTrue();
    assertThat(key.publicKey().verify(data, highS)).isFalse();
    // the native library refuses high S itself; Bouncy Castle would accept it, hence the key's check
    assertThat(nat.verify((Secp256k1PublicKey) key.publicKey(), Secp256k1Curve.sha256(data), rs[0], N.subtract(rs[1]))).isFalse();
  }

  @Test
  void malformedInputIsFalseNotAnException() {
    Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(new SecureRandom());
    Secp256k1PublicKey pub = (Secp256k1PublicKey) key.publicKey();
    byte[] digest = new byte[32];
    for (Secp256k1Ecdsa e : new Secp256k1Ecdsa[] {nat, java}) {
      assertThat(e.verify(pub, digest, BigInteger.ZERO, BigInteger.ONE)).isFalse();
      assertThat(e.verify(pub, digest, BigInteger.ONE, N)).isFalse();
      assertThat(e.verify(pub, digest, N.add(BigInteger.ONE), BigInteger.ONE)).isFalse();
    }
    assertThat(nat.verify(pub, new byte[31], BigInteger.ONE, BigInteger.ONE)).isFalse();
    byte[] data = new byte[] {1, 2, 3};
    assertThat(pub.verify(data, new byte[0])).isFalse();
    assertThat(pub.verify(data, new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x05, 0x01})).isFalse();
    assertThat(pub.verify(data, new byte[72])).isFalse();
  }

  @Test
  void anUnknownChoiceIsRefusedByName() {
    assertThatThrownBy(() -> Secp256k1Ecdsa.choose("fast")).hasMessageContaining("auto, native or java");
    assertThat(Secp256k1Ecdsa.choose("java")).isSameAs(java);
  }
}
