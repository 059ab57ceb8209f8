package io.gridchain.p2p.gossipsub;

import io.gridchain.p2p.PeerId;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mcache: messages of the last {@code length} heartbeats, answerable to IWANT; the ids of
 * the last {@code gossip} heartbeats are advertised in IHAVE. Each message counts how often it
 * was sent to each peer in answer to IWANT, so the count lives exactly as long as the message
 * and its memory is bounded by the cache times the connected peers.
 */
final class MessageCache {
  private record Entry(ByteBuffer id, String topic) {}

  private static final class Cached {
    final PubsubMessage message;
    final Map<PeerId, Integer> sentOnIWant = new HashMap<>();

    Cached(PubsubMessage message) {
      this.message = message;
    }
  }

  private final int gossip;
  private final ArrayDeque<List<Entry>> windows = new ArrayDeque<>();
  private final Map<ByteBuffer, Cached> messages = new HashMap<>();

  MessageCache(int length, int gossip) {
    this.gossip = gossip;
    for (int i = 0; i < length; i++) {
      windows.add(new ArrayList<>());
    }
  }

  void put(byte[] id, PubsubMessage m) {
    ByteBuffer key = ByteBuffer.wrap(id);
    if (messages.putIfAbsent(key, new Cached(m)) == null) {
      windows.peekFirst().add(new Entry(key, m.topic()));
    }
  }

  PubsubMessage get(byte[] id) {
    Cached c = messages.get(ByteBuffer.wrap(id));
    return c == null ? null : c.message;
  }

  /**
   * The message for an IWANT of peer, or null when it is not cached or was already sent to
   * that peer {@code maxTransmissions} times in answer to IWANT (gossipsub v1.1's
   * gossip_retransmission).
   */
  PubsubMessage getForPeer(byte[] id, PeerId peer, int maxTransmissions) {
    Cached c = messages.get(ByteBuffer.wrap(id));
    if (c == null) {
      return null;
    }
    int sent = c.sentOnIWant.getOrDefault(peer, 0);
    if (sent >= maxTransmissions) {
      return null;
    }
    c.sentOnIWant.put(peer, sent + 1);
    return c.message;
  }

  List<byte[]> gossipIds(String topic) {
    List<byte[]> ids = new ArrayList<>();
    int i = 0;
    for (List<Entry> w : windows) {
      if (i++ >= gossip) {
        break;
      }
      for (Entry e : w) {
        if (e.topic.equals(topic)) {
          ids.add(e.id.array());
        }
      }
    }
    return ids;
  }

  void shift() {
    List<Entry> oldest = windows.pollLast();
    oldest.forEach(e -> messages.remove(e.id));
    windows.addFirst(new ArrayList<>());
  }

  int size() {
    return messages.size();
  }
}
