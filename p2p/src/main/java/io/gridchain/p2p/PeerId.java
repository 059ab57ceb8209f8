package io.gridchain.p2p;

import io.gridchain.p2p.crypto.Base58;
import io.gridchain.p2p.crypto.KeyProtobuf;
import io.gridchain.p2p.crypto.PublicKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A node's name: the multihash of its protobuf-encoded public key (peer-ids spec). Keys of at most
 * 42 bytes (Ed25519, secp256k1) are inlined with the identity hash, so the key can be read back.
 */
public final class PeerId implements Comparable<PeerId> {
  private static final int IDENTITY = 0x00;
  private static final int SHA2_256 = 0x12;
  private static final int MAX_INLINE_KEY = 42;

  private final byte[] multihash;
  // Base58 is a big-number division per byte; gossip makes a PeerId per message and seldom prints it.
  private volatile String text;

  private PeerId(byte[] multihash) {
    this.multihash = multihash;
  }

  public static PeerId fromPublicKey(PublicKey key) {
    byte[] proto = key.toProtobuf();
    if (proto.length <= MAX_INLINE_KEY) {
      byte[] mh = new byte[proto.length + 2];
      mh[0] = IDENTITY;
      mh[1] = (byte) proto.length;
      System.arraycopy(proto, 0, mh, 2, proto.length);
      return new PeerId(mh);
    }
    byte[] mh = new byte[34];
    mh[0] = SHA2_256;
    mh[1] = 32;
    System.arraycopy(sha256(proto), 0, mh, 2, 32);
    return new PeerId(mh);
  }

  /** @throws IllegalArgumentException when the bytes are not an identity or sha2-256 multihash */
  public static PeerId fromBytes(byte[] multihash) {
    if (multihash.length < 2) {
      throw new IllegalArgumentException("peer id too short");
    }
    int code = multihash[0] & 0xff;
    int len = multihash[1] & 0xff;
    boolean ok = (code == IDENTITY && len <= MAX_INLINE_KEY) || (code == SHA2_256 && len == 32);
    if (!ok || multihash.length != len + 2) {
      throw new IllegalArgumentException("not a libp2p peer id multihash");
    }
    return new PeerId(multihash.clone());
  }

  /** Base58btc text ("12D3KooW…", "16Uiu2…", "Qm…"). */
  public static PeerId fromString(String text) {
    return fromBytes(Base58.decode(text));
  }

  public byte[] toBytes() {
    return multihash.clone();
  }

  /** The public key when it is inlined in the id (Ed25519, secp256k1). */
  public Optional<PublicKey> publicKey() {
    try {
      return inlinedKey().map(KeyProtobuf::decodePublicKey);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The protobuf-encoded key inlined in an identity multihash, undecoded. */
  public Optional<byte[]> inlinedKey() {
    if ((multihash[0] & 0xff) != IDENTITY) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(multihash, 2, multihash.length));
  }

  public boolean matches(PublicKey key) {
    return equals(fromPublicKey(key));
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = Base58.encode(multihash);
      text = t;
    }
    return t;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId p && Arrays.equals(multihash, p.multihash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(multihash);
  }

  @Override
  public int compareTo(PeerId o) {
    return Arrays.compareUnsigned(multihash, o.multihash);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
