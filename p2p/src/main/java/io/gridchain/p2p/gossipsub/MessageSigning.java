package io.gridchain.p2p.gossipsub;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyCache;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** StrictSign: every message carries from, seqno, signature and key, and the signature verifies. */
public final class MessageSigning {
  static final byte[] PREFIX = "libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII);

  /** A signature check's outcome: the proven origin, or why there is none. */
  public sealed interface Verdict {}

  public record Valid(PeerId origin, PublicKey key) implements Verdict {}

  public record Invalid(String reason) implements Verdict {}

  private static final KeyCache KEYS = new KeyCache(4096);

  private MessageSigning() {}

  public static PubsubMessage sign(PrivateKey key, PubsubMessage unsigned) {
    byte[] sig = key.sign(concat(PREFIX, unsigned.encodeForSigning()));
    return unsigned.withSignature(sig, key.publicKey().toProtobuf());
  }

  public static Verdict verify(PubsubMessage m) {
    if (m.from() == null || m.seqno() == null || m.signature() == null) {
      return new Invalid("unsigned message (StrictSign requires from, seqno and signature)");
    }
    if (m.seqno().length != 8) {
      return new Invalid("seqno is not 8 bytes");
    }
    PeerId origin;
    PublicKey key;
    try {
      origin = PeerId.fromBytes(m.from());
      // Both the inlined key and the key field go through the cache: decoding an Ed25519 key
      // checks the point's order, a scalar multiplication that cost more than the signature
      // check itself when it was done for every message.
      byte[] keyBytes = m.key() != null ? m.key() : origin.inlinedKey().orElse(null);
      key = keyBytes == null ? null : KEYS.decode(keyBytes);
    } catch (IllegalArgumentException e) {
      return new Invalid("bad from or key: " + e.getMessage());
    }
    if (key == null) {
      return new Invalid("no key to check the signature with");
    }
    if (!origin.matches(key)) {
      return new Invalid("key does not belong to the from peer");
    }
    if (!key.verify(concat(PREFIX, m.encodeForSigning()), m.signature())) {
      return new Invalid("signature does not verify");
    }
    return new Valid(origin, key);
  }

  /** js-libp2p's default id for signed messages: protobuf(public key) ‖ seqno. */
  public static byte[] messageId(PublicKey key, byte[] seqno) {
    return concat(key.toProtobuf(), seqno);
  }

  /**
   * The id a message claims, read without checking its signature (protobuf key ‖ seqno), so
   * a duplicate can be dropped before the costly verification. Empty when it names no key.
   */
  static Optional<byte[]> claimedId(PubsubMessage m) {
    if (m.seqno() == null) {
      return Optional.empty();
    }
    if (m.key() != null) {
      return Optional.of(concat(m.key(), m.seqno()));
    }
    byte[] from = m.from();
    if (from == null || from.length < 2 || from[0] != 0 || (from[1] & 0xff) != from.length - 2) {
      return Optional.empty(); // not an identity multihash: the key is not inlined
    }
    return Optional.of(concat(Arrays.copyOfRange(from, 2, from.length), m.seqno()));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
