package io.gridchain.p2p.crypto;

import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Keeps the decoded curve point, so repeated verifications skip the point decompression. */
public final class Ed25519PublicKey implements PublicKey {
  private final byte[] raw;
  private final Ed25519.PublicPoint point; // null when raw is not a valid point

  public Ed25519PublicKey(byte[] raw) {
    if (raw.length != Ed25519.PUBLIC_KEY_SIZE) {
      throw new IllegalArgumentException("Ed25519 public key must be 32 bytes, got " + raw.length);
    }
    this.raw = raw.clone();
    this.point = Ed25519.validatePublicKeyFullExport(this.raw, 0);
  }

  @Override
  public KeyType type() {
    return KeyType.ED25519;
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }

  @Override
  public boolean verify(byte[] data, byte[] signature) {
    if (point == null || signature.length != Ed25519.SIGNATURE_SIZE) {
      return false;
    }
    return Ed25519.verify(signature, 0, point, data, 0, data.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PublicKey k && Arrays.equals(raw, k.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519PublicKey[" + java.util.HexFormat.of().formatHex(raw) + "]";
  }
}
