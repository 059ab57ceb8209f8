package io.gridchain.p2p.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Noise SymmetricState (chaining key ck, handshake hash h) with SHA-256 and HKDF. */
final class NoiseSymmetricState {
  static final String PROTOCOL_NAME = "Noise_XX_25519_ChaChaPoly_SHA256";
  private byte[] ck;
  private byte[] h;
  private NoiseCipherState cipher;

  NoiseSymmetricState() {
    // The name is exactly 32 bytes, so h starts as the name itself (no hashing).
    h = PROTOCOL_NAME.getBytes(StandardCharsets.US_ASCII);
    ck = h.clone();
    mixHash(new byte[0]); // empty prologue
  }

  void mixHash(byte[] data) {
    h = sha256(h, data);
  }

  void mixKey(byte[] ikm) {
    byte[][] out = hkdf(ck, ikm);
    ck = out[0];
    cipher = new NoiseCipherState(out[1]);
  }

  byte[] encryptAndHash(byte[] plaintext) {
    byte[] c = cipher == null ? plaintext : cipher.encrypt(h, plaintext);
    mixHash(c);
    return c;
  }

  /** Null when the AEAD tag does not verify. */
  byte[] decryptAndHash(byte[] ciphertext) {
    byte[] p = cipher == null ? ciphertext : cipher.decrypt(h, ciphertext);
    if (p != null) {
      mixHash(ciphertext);
    }
    return p;
  }

  boolean hasKey() {
    return cipher != null;
  }

  /** First cipher encrypts initiator-to-responder traffic, the second the other way. */
  NoiseCipherState[] split() {
    byte[][] out = hkdf(ck, new byte[0]);
    return new NoiseCipherState[] {new NoiseCipherState(out[0]), new NoiseCipherState(out[1])};
  }

  static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
    byte[] temp = hmac(chainingKey, ikm);
    byte[] out1 = hmac(temp, new byte[] {1});
    byte[] in2 = new byte[33];
    System.arraycopy(out1, 0, in2, 0, 32);
    in2[32] = 2;
    byte[] out2 = hmac(temp, in2);
    return new byte[][] {out1, out2};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] a, byte[] b) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(a);
      md.update(b);
      return md.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
