package io.gridchain.p2p.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;

/**
 * bitcoin-core's libsecp256k1, through ACINQ's JNI binding, for the secp256k1 signature every gossip
 * message carries (StrictSign): checking them in Bouncy Castle took a fifth to a quarter of a loaded
 * validator's CPU. Where the native library does not load (it is published for Linux x86_64 and
 * aarch64) the keys use Bouncy Castle, slower and equal: both sign deterministically (RFC 6979) with
 * low S, and a test checks that they agree. {@code -Dgridchain.secp256k1=java} forces Bouncy Castle.
 */
final class NativeSecp256k1 {
  private static final fr.acinq.secp256k1.Secp256k1 LIB = load();

  private NativeSecp256k1() {}

  static boolean available() {
    return LIB != null;
  }

  /** (r, s), s low, over a 32-byte digest. */
  static BigInteger[] sign(byte[] digest, byte[] secret) {
    byte[] compact = LIB.sign(digest, secret, null);
    return new BigInteger[] {
      new BigInteger(1, Arrays.copyOfRange(compact, 0, 32)), new BigInteger(1, Arrays.copyOfRange(compact, 32, 64))
    };
  }

  /** Whether (r, s), both in [1, n-1] and s low, signs {@code digest} for the 33-byte compressed key. */
  static boolean verify(BigInteger r, BigInteger s, byte[] digest, byte[] compressedKey) {
    byte[] compact = new byte[64];
    put32(r, compact, 0);
    put32(s, compact, 32);
    try {
      return LIB.verify(compact, digest, compressedKey);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void put32(BigInteger v, byte[] out, int at) {
    byte[] b = v.toByteArray();
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, at + 32 - len, len);
  }

  private static fr.acinq.secp256k1.Secp256k1 load() {
    if (System.getProperty("gridchain.secp256k1", "auto").toLowerCase(Locale.ROOT).equals("java")) {
      return null;
    }
    try {
      return fr.acinq.secp256k1.Secp256k1.get();
    } catch (LinkageError | RuntimeException e) {
      return null; // no native library for this platform: Bouncy Castle, slower, still correct
    }
  }
}
