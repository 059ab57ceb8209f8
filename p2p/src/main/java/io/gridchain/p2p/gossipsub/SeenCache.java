package io.gridchain.p2p.gossipsub;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Ids of messages seen within the TTL, so each message is handled once. Insertion-ordered. */
final class SeenCache {
  private final long ttlNanos;
  private final LinkedHashMap<ByteBuffer, Long> seen = new LinkedHashMap<>();

  SeenCache(java.time.Duration ttl) {
    this.ttlNanos = ttl.toNanos();
  }

  /** Returns false when the id was already seen. */
  boolean add(byte[] id, long now) {
    return seen.putIfAbsent(ByteBuffer.wrap(id.clone()), now) == null;
  }

  boolean contains(byte[] id) {
    return seen.containsKey(ByteBuffer.wrap(id));
  }

  void expire(long now) {
    Iterator<Map.Entry<ByteBuffer, Long>> it = seen.entrySet().iterator();
    while (it.hasNext() && now - it.next().getValue() > ttlNanos) {
      it.remove();
    }
  }

  int size() {
    return seen.size();
  }
}
