package io.gridchain.p2p.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

public final class Ed25519PrivateKey implements PrivateKey {
  private final byte[] seed;
  private final Ed25519PublicKey publicKey;
  private final byte[] publicKeyRaw;

  private Ed25519PrivateKey(byte[] seed) {
    this.seed = seed.clone();
    byte[] pub = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(this.seed, 0, pub, 0);
    this.publicKey = new Ed25519PublicKey(pub);
    this.publicKeyRaw = pub;
  }

  static Ed25519PrivateKey generate(SecureRandom random) {
    byte[] seed = new byte[Ed25519.SECRET_KEY_SIZE];
    random.nextBytes(seed);
    return new Ed25519PrivateKey(seed);
  }

  public static Ed25519PrivateKey fromSeed(byte[] seed) {
    if (seed.length != Ed25519.SECRET_KEY_SIZE) {
      throw new IllegalArgumentException("Ed25519 seed must be 32 bytes, got " + seed.length);
    }
    return new Ed25519PrivateKey(seed);
  }

  /** The protobuf form carries seed ‖ public key (64 bytes); its second half must match the seed. */
  static Ed25519PrivateKey fromProtobufData(byte[] data) {
    if (data.length == 32) {
      return fromSeed(data);
    }
    if (data.length != 64) {
      throw new IllegalArgumentException("Ed25519 private key data must be 32 or 64 bytes");
    }
    Ed25519PrivateKey key = fromSeed(Arrays.copyOf(data, 32));
    if (!Arrays.equals(key.publicKey.raw(), Arrays.copyOfRange(data, 32, 64))) {
      throw new IllegalArgumentException("Ed25519 private key: public half does not match the seed");
    }
    return key;
  }

  @Override
  public KeyType type() {
    return KeyType.ED25519;
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] data) {
    byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
    // with the public key given, Bouncy Castle does not derive it again (a base-point multiplication)
    Ed25519.sign(seed, 0, publicKeyRaw, 0, data, 0, data.length, sig, 0);
    return sig;
  }

  @Override
  public byte[] raw() {
    byte[] out = Arrays.copyOf(seed, 64);
    System.arraycopy(publicKey.raw(), 0, out, 32, 32);
    return out;
  }
}
