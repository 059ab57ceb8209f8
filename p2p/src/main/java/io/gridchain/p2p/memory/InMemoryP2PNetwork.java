package io.gridchain.p2p.memory;

import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.AsyncGossipValidator;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.Peer;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.PeerListener;
import io.gridchain.p2p.RequestLimits;
import io.gridchain.p2p.RequestResponseProtocol;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.multiaddr.Multiaddr;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link P2PNetwork} without sockets, for other modules' tests. Gossip floods along
 * connections: each node runs its validator once per message and forwards only what it ACCEPTs,
 * as gossipsub does; requests call the remote protocol handler directly, with the same limits.
 * Its address is {@code /p2p/<id>}; {@link #disconnect} cuts a link (partitions).
 */
public final class InMemoryP2PNetwork implements P2PNetwork {
  private final InMemoryHub hub;
  private final PeerId id;
  private final Set<PeerId> connected = ConcurrentHashMap.newKeySet();
  private final Map<PeerId, Boolean> outbound = new ConcurrentHashMap<>();
  private final Map<String, AsyncGossipValidator> topics = new ConcurrentHashMap<>();
  private final Map<String, RequestResponseProtocol> protocols = new ConcurrentHashMap<>();
  private final Set<ByteBuffer> seen = ConcurrentHashMap.newKeySet();
  private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong seqno = new AtomicLong();
  private volatile boolean closed;

  InMemoryP2PNetwork(InMemoryHub hub, PeerId id) {
    this.hub = hub;
    this.id = id;
  }

  @Override
  public PeerId localPeerId() {
    return id;
  }

  @Override
  public List<Multiaddr> listenAddresses() {
    return List.of(address(id));
  }

  private static Multiaddr address(PeerId p) {
    return Multiaddr.parse("/p2p/" + p);
  }

  @Override
  public CompletableFuture<Peer> dial(Multiaddr addr) {
    PeerId target = addr.peerId().orElse(null);
    InMemoryP2PNetwork other = target == null ? null : hub.node(target).orElse(null);
    if (other == null || other.closed || closed || target.equals(id)) {
      return CompletableFuture.failedFuture(new IllegalStateException("no reachable node at " + addr));
    }
    link(other, true);
    other.link(this, false);
    return CompletableFuture.completedFuture(peer(target));
  }

  private void link(InMemoryP2PNetwork other, boolean out) {
    if (connected.add(other.id)) {
      outbound.put(other.id, out);
      Peer p = peer(other.id);
      listeners.forEach(l -> l.onConnected(p));
    }
  }

  /** Cuts the link to peer on both sides. */
  public void disconnect(PeerId peer) {
    unlink(peer);
    hub.node(peer).ifPresent(o -> o.unlink(id));
  }

  private void unlink(PeerId peer) {
    if (connected.remove(peer)) {
      outbound.remove(peer);
      listeners.forEach(l -> l.onDisconnected(peer));
    }
  }

  private Peer peer(PeerId p) {
    return new Peer(p, address(p), List.of(address(p)), outbound.getOrDefault(p, true));
  }

  @Override
  public List<Peer> connectedPeers() {
    return connected.stream().sorted().map(this::peer).toList();
  }

  @Override
  public void addPeerListener(PeerListener listener) {
    listeners.add(listener);
  }

  @Override
  public Topic subscribeAsync(String topic, AsyncGossipValidator validator) {
    topics.put(topic, validator);
    return new Topic() {
      @Override
      public String name() {
        return topic;
      }

      @Override
      public CompletableFuture<Integer> publish(byte[] data) {
        byte[] msgId = ByteBuffer.allocate(8).putLong(seqno.incrementAndGet()).array();
        byte[] fullId = concat(id.toBytes(), msgId);
        seen.add(ByteBuffer.wrap(fullId));
        return CompletableFuture.completedFuture(forward(new GossipMessage(topic, data.clone(), id, id, fullId), null));
      }

      @Override
      public void close() {
        topics.remove(topic);
      }
    };
  }

  /** Sends to every connected subscriber but the one it came from; returns how many. */
  private int forward(GossipMessage m, PeerId from) {
    int n = 0;
    for (PeerId p : new ArrayList<>(connected)) {
      InMemoryP2PNetwork other = hub.node(p).orElse(null);
      if (other != null && !p.equals(from) && !p.equals(m.origin()) && other.topics.containsKey(m.topic())) {
        n++;
        if (hub.faults().drops(id, p, m.topic())) {
          continue;
        }
        hub.executor().execute(() -> other.receive(new GossipMessage(m.topic(), m.data(), m.origin(), id, m.messageId())));
      }
    }
    return n;
  }

  private void receive(GossipMessage m) {
    AsyncGossipValidator v = topics.get(m.topic());
    if (closed || v == null || !connected.contains(m.source()) || !seen.add(ByteBuffer.wrap(m.messageId()))) {
      return;
    }
    v.validate(m).thenAccept(verdict -> {
      if (verdict == ValidationResult.ACCEPT) {
        forward(m, m.source());
      }
    });
  }

  @Override
  public void registerProtocol(RequestResponseProtocol protocol) {
    if (protocols.putIfAbsent(protocol.protocolId(), protocol) != null) {
      throw new IllegalStateException("protocol already registered: " + protocol.protocolId());
    }
  }

  @Override
  public CompletableFuture<byte[]> request(PeerId peer, String protocolId, byte[] request, RequestLimits limits) {
    InMemoryP2PNetwork other = connected.contains(peer) ? hub.node(peer).orElse(null) : null;
    RequestResponseProtocol p = other == null ? null : other.protocols.get(protocolId);
    if (p == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("no " + protocolId + " at " + peer));
    }
    if (request.length > p.limits().maxRequestBytes()) {
      return CompletableFuture.failedFuture(new IllegalStateException("request larger than the remote accepts"));
    }
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    hub.executor().execute(() -> p.handle(id, request.clone()).whenComplete((resp, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
      } else if (resp.length > limits.maxResponseBytes()) {
        result.completeExceptionally(new IllegalStateException("response over the limit"));
      } else {
        result.complete(resp);
      }
    }));
    return result.orTimeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closed = true;
    new ArrayList<>(connected).forEach(this::disconnect);
    hub.leave(id);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
