package io.gridchain.p2p.noise;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Noise CipherState for ChaChaPoly: key k and a 64-bit nonce n used once each. */
public final class NoiseCipherState {
  public static final int TAG = 16;
  private final SecretKeySpec key;
  private final Cipher cipher;
  private final byte[] nonceBytes = new byte[12];
  private long nonce;

  NoiseCipherState(byte[] key32) {
    this.key = new SecretKeySpec(key32, "ChaCha20");
    this.cipher = ChaChaPolyProvider.newCipher();
  }

  /** Writes plaintext.length + 16 bytes at out[outOff]. */
  public int encrypt(byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    try {
      init(Cipher.ENCRYPT_MODE);
      if (ad != null) {
        cipher.updateAAD(ad);
      }
      return cipher.doFinal(in, inOff, len, out, outOff);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the plaintext length, or -1 when the tag does not verify (tampered or wrong key). */
  public int decrypt(byte[] ad, byte[] in, int inOff, int len, byte[] out, int outOff) {
    if (len < TAG) {
      return -1;
    }
    try {
      init(Cipher.DECRYPT_MODE);
      if (ad != null) {
        cipher.updateAAD(ad);
      }
      return cipher.doFinal(in, inOff, len, out, outOff);
    } catch (AEADBadTagException e) {
      return -1;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Transport encryption between direct buffers (no associated data): a native cipher then
   * reads and writes exactly these bytes, nothing else. Returns the bytes written.
   */
  public int encrypt(java.nio.ByteBuffer in, java.nio.ByteBuffer out) {
    try {
      init(Cipher.ENCRYPT_MODE);
      return cipher.doFinal(in, out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Like {@link #encrypt(java.nio.ByteBuffer, java.nio.ByteBuffer)}; -1 when the tag does not verify. */
  public int decrypt(java.nio.ByteBuffer in, java.nio.ByteBuffer out) {
    if (in.remaining() < TAG) {
      return -1;
    }
    try {
      init(Cipher.DECRYPT_MODE);
      return cipher.doFinal(in, out);
    } catch (AEADBadTagException e) {
      return -1;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] encrypt(byte[] ad, byte[] plaintext) {
    byte[] out = new byte[plaintext.length + TAG];
    encrypt(ad, plaintext, 0, plaintext.length, out, 0);
    return out;
  }

  byte[] decrypt(byte[] ad, byte[] ciphertext) {
    if (ciphertext.length < TAG) {
      return null;
    }
    byte[] out = new byte[ciphertext.length - TAG];
    return decrypt(ad, ciphertext, 0, ciphertext.length, out, 0) < 0 ? null : out;
  }

  // Nonce: 32 zero bits, then n as 64-bit little-endian (Noise spec, ChaChaPoly).
  private void init(int mode) throws GeneralSecurityException {
    if (nonce == -1L) {
      throw new IllegalStateException("Noise nonce exhausted");
    }
    long n = nonce++;
    for (int i = 0; i < 8; i++) {
      nonceBytes[4 + i] = (byte) (n >>> (8 * i));
    }
    cipher.init(mode, key, new IvParameterSpec(nonceBytes));
  }
}
