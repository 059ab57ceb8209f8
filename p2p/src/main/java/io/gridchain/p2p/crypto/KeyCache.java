package io.gridchain.p2p.crypto;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently decoded public keys by their protobuf bytes. Gossip carries the signer's key in every
 * message; in a network of a few validators the same keys come again and again, and a decoded
 * key keeps its curve point ready for verification.
 */
public final class KeyCache {
  private final Map<ByteBuffer, PublicKey> keys;

  public KeyCache(int capacity) {
    this.keys = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ByteBuffer, PublicKey> eldest) {
        return size() > capacity;
      }
    };
  }

  /** @throws IllegalArgumentException as {@link KeyProtobuf#decodePublicKey} */
  public synchronized PublicKey decode(byte[] protobuf) {
    ByteBuffer k = ByteBuffer.wrap(protobuf.clone());
    PublicKey key = keys.get(k);
    if (key == null) {
      key = KeyProtobuf.decodePublicKey(protobuf);
      keys.put(k, key);
    }
    return key;
  }
}
