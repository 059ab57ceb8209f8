package io.gridchain.p2p.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.util.BigIntegers;

public final class Secp256k1PrivateKey implements PrivateKey {
  private final BigInteger scalar;
  private final Secp256k1PublicKey publicKey;

  private Secp256k1PrivateKey(BigInteger scalar) {
    if (scalar.signum() <= 0 || scalar.compareTo(Secp256k1Curve.DOMAIN.getN()) >= 0) {
      throw new IllegalArgumentException("secp256k1 scalar out of range");
    }
    this.scalar = scalar;
    this.publicKey = new Secp256k1PublicKey(Secp256k1Curve.DOMAIN.getG().multiply(scalar));
  }

  static Secp256k1PrivateKey generate(SecureRandom random) {
    BigInteger n = Secp256k1Curve.DOMAIN.getN();
    BigInteger d;
    do {
      d = new BigInteger(256, random);
    } while (d.signum() == 0 || d.compareTo(n) >= 0);
    return new Secp256k1PrivateKey(d);
  }

  public static Secp256k1PrivateKey fromScalar(byte[] raw) {
    if (raw.length != 32) {
      throw new IllegalArgumentException("secp256k1 private key must be 32 bytes, got " + raw.length);
    }
    return new Secp256k1PrivateKey(new BigInteger(1, raw));
  }

  @Override
  public KeyType type() {
    return KeyType.SECP256K1;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  /** Deterministic (RFC 6979) and low-S, DER encoded: what js-libp2p produces and accepts. */
  @Override
  public byte[] sign(byte[] data) {
    BigInteger[] rs = Secp256k1Ecdsa.INSTANCE.sign(scalar, Secp256k1Curve.sha256(data));
    try {
      return StandardDSAEncoding.INSTANCE.encode(Secp256k1Curve.DOMAIN.getN(), rs[0], rs[1]);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public byte[] raw() {
    return BigIntegers.asUnsignedByteArray(32, scalar);
  }
}
