package io.gridchain.p2p.gossipsub;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mcache: messages of the last {@code length} heartbeats, answerable to IWANT; the ids of
 * the last {@code gossip} heartbeats are advertised in IHAVE.
 */
final class MessageCache {
  private record Entry(ByteBuffer id, String topic) {}

  private final int gossip;
  private final ArrayDeque<List<Entry>> windows = new ArrayDeque<>();
  private final Map<ByteBuffer, PubsubMessage> messages = new HashMap<>();

  MessageCache(int length, int gossip) {
    this.gossip = gossip;
    for (int i = 0; i < length; i++) {
      windows.add(new ArrayList<>());
    }
  }

  void put(byte[] id, PubsubMessage m) {
    ByteBuffer key = ByteBuffer.wrap(id);
    if (messages.putIfAbsent(key, m) == null) {
      windows.peekFirst().add(new Entry(key, m.topic()));
    }
  }

  PubsubMessage get(byte[] id) {
    return messages.get(ByteBuffer.wrap(id));
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
