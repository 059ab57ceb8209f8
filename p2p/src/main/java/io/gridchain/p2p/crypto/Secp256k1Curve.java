package io.gridchain.p2p.crypto;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;

/** The curve constants, and the SHA-256 pre-hash libp2p applies before secp256k1 ECDSA. */
final class Secp256k1Curve {
  static final ECDomainParameters DOMAIN;
  static final BigInteger HALF_N;

  static {
    X9ECParameters p = CustomNamedCurves.getByName("secp256k1");
    DOMAIN = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
    HALF_N = p.getN().shiftRight(1);
  }

  private Secp256k1Curve() {}

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
