package io.gridchain.p2p.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;

/** Encoded compressed (33 bytes), as libp2p does; uncompressed input is accepted and re-compressed. */
public final class Secp256k1PublicKey implements PublicKey {
  private final ECPoint point;
  private final byte[] compressed;

  public Secp256k1PublicKey(byte[] encoded) {
    ECPoint p;
    try {
      p = Secp256k1Curve.DOMAIN.getCurve().decodePoint(encoded);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a secp256k1 point: " + e.getMessage(), e);
    }
    this.point = p;
    this.compressed = p.getEncoded(true);
  }

  Secp256k1PublicKey(ECPoint point) {
    this.point = point.normalize();
    this.compressed = this.point.getEncoded(true);
  }

  /** The decoded point, for Bouncy Castle; the native library takes the compressed bytes. */
  ECPoint point() {
    return point;
  }

  byte[] compressed() {
    return compressed;
  }

  @Override
  public KeyType type() {
    return KeyType.SECP256K1;
  }

  @Override
  public byte[] raw() {
    return compressed.clone();
  }

  /** High-S signatures are refused, as js-libp2p refuses them: one signature per message and key. */
  @Override
  public boolean verify(byte[] data, byte[] signature) {
    BigInteger[] rs;
    try {
      rs = StandardDSAEncoding.INSTANCE.decode(Secp256k1Curve.DOMAIN.getN(), signature);
    } catch (IOException | RuntimeException e) {
      return false; // Bouncy Castle's DER decoder throws NullPointerException for an empty signature
    }
    if (rs[1].compareTo(Secp256k1Curve.HALF_N) > 0) {
      return false;
    }
    return Secp256k1Ecdsa.INSTANCE.verify(this, Secp256k1Curve.sha256(data), rs[0], rs[1]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PublicKey k && Arrays.equals(compressed, k.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }
}
