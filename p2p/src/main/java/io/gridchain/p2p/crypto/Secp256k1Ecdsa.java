package io.gridchain.p2p.crypto;

import java.math.BigInteger;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * secp256k1 ECDSA over a 32-byte digest, as (r, s) pairs; DER and the low-S rule stay with the
 * key classes. Runs in bitcoin-core's libsecp256k1 (ACINQ's JNI binding) where its native library
 * loads, else in Bouncy Castle. Both sign RFC 6979 deterministically, so they produce the same
 * signature for the same key and digest; a test checks that. {@code -Dgridchain.p2p.secp256k1=java}
 * forces Bouncy Castle, {@code =native} refuses to start without the native library.
 */
abstract class Secp256k1Ecdsa {
  static final Secp256k1Ecdsa BOUNCY_CASTLE = new BouncyCastle();
  static final Secp256k1Ecdsa INSTANCE = choose(System.getProperty("gridchain.p2p.secp256k1", "auto"));

  abstract String name();

  /** A low-S signature of digest: {r, s}. */
  abstract BigInteger[] sign(BigInteger scalar, byte[] digest);

  /** Whether (r, s) signs digest under the key; false for any malformed input. */
  abstract boolean verify(Secp256k1PublicKey key, byte[] digest, BigInteger r, BigInteger s);

  static Secp256k1Ecdsa choose(String wanted) {
    String w = wanted.toLowerCase(Locale.ROOT);
    if (!w.equals("auto") && !w.equals("native") && !w.equals("java")) {
      throw new IllegalStateException("-Dgridchain.p2p.secp256k1 must be auto, native or java, not " + wanted);
    }
    if (w.equals("java")) {
      return BOUNCY_CASTLE;
    }
    try {
      return new Native(fr.acinq.secp256k1.Secp256k1.get());
    } catch (LinkageError | RuntimeException e) {
      if (w.equals("native")) {
        throw new IllegalStateException("-Dgridchain.p2p.secp256k1=native, but libsecp256k1 did not load: " + e, e);
      }
      return BOUNCY_CASTLE; // no native library for this platform: slower, still correct
    }
  }

  static BigInteger lowS(BigInteger s) {
    return s.compareTo(Secp256k1Curve.HALF_N) > 0 ? Secp256k1Curve.DOMAIN.getN().subtract(s) : s;
  }

  private static final class BouncyCastle extends Secp256k1Ecdsa {
    @Override
    String name() {
      return "Bouncy Castle (Java)";
    }

    @Override
    BigInteger[] sign(BigInteger scalar, byte[] digest) {
      ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      signer.init(true, new ECPrivateKeyParameters(scalar, Secp256k1Curve.DOMAIN));
      BigInteger[] rs = signer.generateSignature(digest);
      return new BigInteger[] {rs[0], lowS(rs[1])};
    }

    @Override
    boolean verify(Secp256k1PublicKey key, byte[] digest, BigInteger r, BigInteger s) {
      ECDSASigner verifier = new ECDSASigner();
      verifier.init(false, new ECPublicKeyParameters(key.point(), Secp256k1Curve.DOMAIN));
      return verifier.verifySignature(digest, r, s);
    }
  }

  private static final class Native extends Secp256k1Ecdsa {
    private final fr.acinq.secp256k1.Secp256k1 lib;

    Native(fr.acinq.secp256k1.Secp256k1 lib) {
      this.lib = lib;
    }

    @Override
    String name() {
      return "libsecp256k1 (native)";
    }

    @Override
    BigInteger[] sign(BigInteger scalar, byte[] digest) {
      // null extra entropy: plain RFC 6979, the nonce Bouncy Castle's HMacDSAKCalculator picks too
      byte[] compact = lib.sign(digest, unsigned32(scalar), null); // r ‖ s, s already low
      return new BigInteger[] {new BigInteger(1, java.util.Arrays.copyOf(compact, 32)),
          new BigInteger(1, java.util.Arrays.copyOfRange(compact, 32, 64))};
    }

    @Override
    boolean verify(Secp256k1PublicKey key, byte[] digest, BigInteger r, BigInteger s) {
      BigInteger n = Secp256k1Curve.DOMAIN.getN();
      if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0 || digest.length != 32) {
        return false; // out of range: encoding it in 32 bytes would change it
      }
      byte[] compact = new byte[64];
      System.arraycopy(unsigned32(r), 0, compact, 0, 32);
      System.arraycopy(unsigned32(s), 0, compact, 32, 32);
      try {
        return lib.verify(compact, digest, key.compressed());
      } catch (RuntimeException e) {
        return false; // the library throws on input it cannot parse; a checked key should not get here
      }
    }

    private static byte[] unsigned32(BigInteger v) {
      byte[] b = v.toByteArray();
      byte[] out = new byte[32];
      int len = Math.min(b.length, 32);
      System.arraycopy(b, b.length - len, out, 32 - len, len);
      return out;
    }
  }
}
