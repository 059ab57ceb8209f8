package io.gridchain.p2p.gossipsub;

import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.AsyncGossipValidator;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.host.HostListener;
import io.gridchain.p2p.host.Libp2pHost;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gossipsub v1.1 (/meshsub/1.1.0, and 1.0.0 for old peers). All state lives on one thread:
 * network input, publishes and heartbeats are tasks on it, so no state is shared.
 */
public final class GossipsubRouter implements HostListener, AutoCloseable {
  public static final String MESHSUB_11 = "/meshsub/1.1.0";
  public static final String MESHSUB_10 = "/meshsub/1.0.0";
  private static final Logger LOG = LoggerFactory.getLogger(GossipsubRouter.class);

  private final Libp2pHost host;
  private final GossipsubParams params;
  private final PrivateKey key;
  private final ScheduledExecutorService thread;
  private final MeshState state;
  private final Map<PeerId, GossipPeer> peers = new HashMap<>();
  private final Map<String, AsyncGossipValidator> subscriptions = new HashMap<>();
  private final MessageCache mcache;
  private final SeenCache seen;
  private static final int MAX_INBOUND_STREAMS = 2;
  static final int MAX_TOPICS_PER_PEER = 256;
  private final Map<PeerId, java.util.Deque<MuxedStream>> inboundStreams = new java.util.concurrent.ConcurrentHashMap<>();
  private long seqno = System.currentTimeMillis() * 1000;

  public GossipsubRouter(Libp2pHost host, GossipsubParams params) {
    this.host = host;
    this.params = params;
    this.key = host.config().privateKey();
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "gossipsub-" + host.localPeer().toString().substring(0, 12));
      t.setDaemon(true);
      return t;
    });
    this.mcache = new MessageCache(params.mcacheLength(), params.mcacheGossip());
    this.seen = new SeenCache(params.seenTtl());
    this.state = new MeshState(params);
    for (String p : List.of(MESHSUB_11, MESHSUB_10)) {
      host.protocols().register(p, (stream, protocol) -> inbound(stream));
    }
    host.addListener(this);
    long hb = params.heartbeat().toMillis();
    thread.scheduleAtFixedRate(() -> guarded(this::heartbeat), hb, hb, TimeUnit.MILLISECONDS);
  }

  /**
   * A peer keeps at most two inbound gossip streams (its router's, plus one it reopened or a
   * second sender); a newer one resets the oldest, so a connection never buffers more than two
   * RPCs' worth of gossip.
   */
  private StreamHandler inbound(MuxedStream stream) {
    java.util.Deque<MuxedStream> open = inboundStreams.computeIfAbsent(stream.connection().remotePeer(), p -> new java.util.ArrayDeque<>());
    MuxedStream oldest = null;
    synchronized (open) {
      open.addLast(stream);
      if (open.size() > MAX_INBOUND_STREAMS) {
        oldest = open.pollFirst();
      }
    }
    if (oldest != null) {
      oldest.reset();
    }
    java.util.concurrent.atomic.AtomicLong waiting = new java.util.concurrent.atomic.AtomicLong();
    return new RpcReader(stream, params.maxRpcBytes(), GossipRpc.Limits.DEFAULT,
        (s, rpc) -> queue(s.connection().remotePeer(), rpc, waiting),
        (s, reason) -> run(() -> penalise(s.connection().remotePeer(), reason)),
        s -> {
          synchronized (open) {
            open.remove(s);
          }
        });
  }

  // ---- API (any thread) ----

  public void subscribe(String topic, AsyncGossipValidator validator) {
    run(() -> join(topic, validator));
  }

  public void unsubscribe(String topic) {
    run(() -> leave(topic));
  }

  /** Completes with the number of peers the message was sent to. */
  public CompletableFuture<Integer> publish(String topic, byte[] data) {
    return call(() -> publishNow(topic, data));
  }

  public CompletableFuture<Double> score(PeerId peer) {
    return call(() -> peers.containsKey(peer) ? peers.get(peer).score.value() : 0.0);
  }

  public CompletableFuture<Set<PeerId>> meshPeers(String topic) {
    return call(() -> state.mesh(topic));
  }

  /** For tests and diagnostics: topics a peer is subscribed to, and topics with PRUNE backoffs. */
  CompletableFuture<int[]> trackedTopics(PeerId peer) {
    return call(() -> new int[] {peers.containsKey(peer) ? peers.get(peer).topics.size() : 0, state.backoffTopics()});
  }

  public CompletableFuture<Set<PeerId>> topicPeers(String topic) {
    return call(() -> peersIn(topic));
  }

  // ---- host events ----

  @Override
  public void onPeerConnected(Connection c) {
    run(() -> {
      GossipPeer p = new GossipPeer(c.remotePeer(), c.isOutbound(), params, reason -> c.close(reason));
      peers.put(p.id, p);
      GossipRpc hello = GossipRpc.empty();
      subscriptions.keySet().forEach(t -> hello.subscriptions().add(new GossipRpc.Subscription(true, t)));
      p.send(hello);
      openStream(c, p);
    });
  }

  private void openStream(Connection c, GossipPeer p) {
    c.openStream(List.of(MESHSUB_11, MESHSUB_10), (stream, protocol) -> {
      OutboundSide side = new OutboundSide(p);
      side.attach(stream);
      return side;
    })
        .whenComplete((h, e) -> {
          if (e != null) {
            LOG.debug("{} speaks no gossipsub: {}", p.id, e.getMessage());
          }
        });
  }

  @Override
  public void onPeerDisconnected(PeerId peer) {
    inboundStreams.remove(peer);
    run(() -> {
      peers.remove(peer);
      state.removePeer(peer);
    });
  }

  /** Our side of the outbound stream: we only write; what the peer writes here is dropped. */
  private final class OutboundSide implements StreamHandler {
    private final GossipPeer peer;

    OutboundSide(GossipPeer peer) {
      this.peer = peer;
    }

    /** bind() runs on the connection's event loop; the peer belongs to the router thread. */
    void attach(MuxedStream s) {
      run(() -> peer.attach(s));
    }

    @Override
    public void onData(MuxedStream stream, io.netty.buffer.ByteBuf data) {
      data.release();
    }

    @Override
    public void onClosed(MuxedStream stream) {
      run(() -> peer.detach(stream));
    }
  }

  // ---- inbound RPC ----

  /**
   * What one inbound stream may have waiting for the router thread. A peer that sends faster than the
   * router works has its RPCs dropped beyond this (gossip is best effort, and honest senders repeat
   * what matters), so a flood cannot grow our memory; it is room for a few of the largest blocks.
   */
  static final long MAX_WAITING_INBOUND_BYTES = 32L << 20;

  private void queue(PeerId from, GossipRpc rpc, java.util.concurrent.atomic.AtomicLong waiting) {
    long size = 64;
    for (PubsubMessage m : rpc.publish()) {
      size += 64 + (m.data() == null ? 0 : m.data().length);
    }
    if (waiting.addAndGet(size) > MAX_WAITING_INBOUND_BYTES) {
      waiting.addAndGet(-size);
      droppedInbound.increment();
      return;
    }
    long queued = size;
    run(() -> {
      try {
        handleRpc(from, rpc);
      } finally {
        waiting.addAndGet(-queued);
      }
    });
  }

  private final java.util.concurrent.atomic.LongAdder droppedInbound = new java.util.concurrent.atomic.LongAdder();

  /** Inbound RPCs dropped because their stream had too much waiting for the router. */
  public long droppedInboundRpcs() {
    return droppedInbound.sum();
  }

  private void handleRpc(PeerId from, GossipRpc rpc) {
    GossipPeer peer = peers.get(from);
    if (peer == null || peer.score.value() < params.graylistThreshold()) {
      return; // graylisted: not worth the work
    }
    for (GossipRpc.Subscription s : rpc.subscriptions()) {
      onSubscription(peer, s);
    }
    for (PubsubMessage m : rpc.publish()) {
      onMessage(peer, m);
    }
    GossipRpc reply = GossipRpc.empty();
    new ControlHandler(this, peer, reply).handle(rpc);
    peer.send(reply);
  }

  private void onSubscription(GossipPeer peer, GossipRpc.Subscription s) {
    if (s.subscribe()) {
      if (peer.topics.size() >= MAX_TOPICS_PER_PEER && !peer.topics.contains(s.topic())) {
        peer.score.misbehaved(); // topic churn: names of its choosing must not grow our memory
        return;
      }
      peer.topics.add(s.topic());
    } else {
      peer.topics.remove(s.topic());
      state.removeFromTopic(s.topic(), peer.id);
    }
  }

  private void onMessage(GossipPeer peer, PubsubMessage m) {
    // Duplicates are the common case in a mesh; skip them before verifying. Only a verified
    // message is marked seen, so a forgery cannot shadow the genuine message with its id.
    if (MessageSigning.claimedId(m).map(seen::contains).orElse(false)) {
      return;
    }
    MessageSigning.Verdict v = MessageSigning.verify(m);
    if (v instanceof MessageSigning.Invalid inv) {
      LOG.info("rejecting message from {} on {}: {}", peer.id, m.topic(), inv.reason());
      peer.score.invalidMessage();
      return;
    }
    MessageSigning.Valid valid = (MessageSigning.Valid) v;
    byte[] id = MessageSigning.messageId(valid.key(), m.seqno());
    if (!seen.add(id, System.nanoTime())) {
      return;
    }
    AsyncGossipValidator validator = subscriptions.get(m.topic());
    if (validator == null) {
      return; // not our topic: we neither deliver nor forward it
    }
    PeerId from = peer.id;
    PeerId origin = valid.origin();
    CompletableFuture<ValidationResult> verdict = validate(validator, new GossipMessage(m.topic(), m.data(), origin, from, id));
    if (verdict.isDone()) {
      settle(m, id, from, origin, verdict.getNow(ValidationResult.IGNORE));
    } else {
      verdict.whenComplete((r, e) -> run(() -> settle(m, id, from, origin, e == null ? r : ValidationResult.IGNORE)));
    }
  }

  /** Acts on a verdict: an accepted message is cached for IWANT and forwarded; a rejected one costs its sender. */
  private void settle(PubsubMessage m, byte[] id, PeerId from, PeerId origin, ValidationResult r) {
    switch (r) {
      case ACCEPT -> {
        mcache.put(id, m);
        forward(m, from, origin);
      }
      case REJECT -> {
        LOG.info("validator rejected a message from {} on {}", from, m.topic());
        GossipPeer sender = peers.get(from);
        if (sender != null) {
          sender.score.invalidMessage();
        }
      }
      case IGNORE -> { }
    }
  }

  private static CompletableFuture<ValidationResult> validate(AsyncGossipValidator validator, GossipMessage msg) {
    try {
      return validator.validate(msg).toCompletableFuture().exceptionally(e -> {
        LOG.warn("validator of {} failed; ignoring the message", msg.topic(), e);
        return ValidationResult.IGNORE;
      });
    } catch (RuntimeException e) {
      LOG.warn("validator of {} threw; ignoring the message", msg.topic(), e);
      return CompletableFuture.completedFuture(ValidationResult.IGNORE);
    }
  }

  private void forward(PubsubMessage m, PeerId source, PeerId origin) {
    GossipRpc rpc = GossipRpc.empty();
    rpc.publish().add(m);
    byte[] body = null;
    for (PeerId p : state.mesh(m.topic())) {
      if (!p.equals(source) && !p.equals(origin) && peers.containsKey(p)) {
        body = body == null ? rpc.encode() : body;
        peers.get(p).sendEncoded(body);
      }
    }
  }

  void penalise(PeerId peer, String reason) {
    GossipPeer p = peers.get(peer);
    if (p != null) {
      p.score.misbehaved();
    }
  }

  // ---- local actions ----

  private void join(String topic, AsyncGossipValidator validator) {
    if (subscriptions.put(topic, validator) != null) {
      return;
    }
    GossipRpc sub = GossipRpc.empty();
    sub.subscriptions().add(new GossipRpc.Subscription(true, topic));
    peers.values().forEach(p -> p.send(sub));
    for (PeerId p : state.join(topic, candidates(topic))) {
      GossipRpc graft = GossipRpc.empty();
      graft.graft().add(topic);
      peers.get(p).send(graft);
    }
  }

  private void leave(String topic) {
    if (subscriptions.remove(topic) == null) {
      return;
    }
    GossipRpc unsub = GossipRpc.empty();
    unsub.subscriptions().add(new GossipRpc.Subscription(false, topic));
    for (PeerId p : state.leave(topic)) {
      GossipRpc prune = GossipRpc.empty();
      prune.prune().add(new GossipRpc.Prune(topic, params.pruneBackoff().toSeconds()));
      GossipPeer gp = peers.get(p);
      if (gp != null) {
        gp.send(prune);
      }
    }
    peers.values().forEach(p -> p.send(unsub));
  }

  private int publishNow(String topic, byte[] data) {
    byte[] seq = java.nio.ByteBuffer.allocate(8).putLong(++seqno).array();
    PubsubMessage m = MessageSigning.sign(key, new PubsubMessage(host.localPeer().toBytes(), data, seq, topic, null, null));
    byte[] id = MessageSigning.messageId(key.publicKey(), seq);
    seen.add(id, System.nanoTime());
    mcache.put(id, m);
    GossipRpc rpc = GossipRpc.empty();
    rpc.publish().add(m);
    Set<PeerId> targets = publishTargets(topic);
    byte[] body = rpc.encode();
    targets.forEach(p -> peers.get(p).sendEncoded(body));
    return targets.size();
  }

  private Set<PeerId> publishTargets(String topic) {
    if (params.floodPublish()) {
      Set<PeerId> all = new HashSet<>();
      for (GossipPeer p : peers.values()) {
        if (p.topics.contains(topic) && p.score.value() >= params.publishThreshold()) {
          all.add(p.id);
        }
      }
      return all;
    }
    if (subscriptions.containsKey(topic)) {
      return state.mesh(topic);
    }
    return state.fanout(topic, candidates(topic));
  }

  // ---- heartbeat ----

  private void heartbeat() {
    Map<PeerId, GossipRpc> outbox = new HashMap<>();
    peers.values().forEach(p -> p.score.decay());
    for (String topic : subscriptions.keySet()) {
      state.maintain(topic, candidates(topic), this::scoreOf, this::isOutbound, outbox);
    }
    state.expireFanout();
    emitGossip(outbox);
    mcache.shift();
    long now = System.nanoTime();
    seen.expire(now);
    state.expireBackoff(now);
    outbox.forEach((p, rpc) -> {
      GossipPeer gp = peers.get(p);
      if (gp != null) {
        gp.send(rpc);
      }
    });
  }

  private void emitGossip(Map<PeerId, GossipRpc> outbox) {
    Set<String> topics = new HashSet<>(subscriptions.keySet());
    topics.addAll(state.fanoutTopics());
    for (String topic : topics) {
      List<byte[]> ids = mcache.gossipIds(topic);
      if (ids.isEmpty()) {
        continue;
      }
      List<PeerId> targets = new ArrayList<>(peersIn(topic));
      targets.removeAll(state.mesh(topic));
      targets.removeAll(state.fanoutPeers(topic));
      targets.removeIf(p -> scoreOf(p) < params.gossipThreshold());
      java.util.Collections.shuffle(targets);
      for (PeerId p : targets.subList(0, Math.min(params.dLazy(), targets.size()))) {
        LOG.debug("IHAVE {} ids of {} to {}", ids.size(), topic, p);
        List<byte[]> slice = ids.subList(0, Math.min(ids.size(), params.maxIHaveIds()));
        outbox.computeIfAbsent(p, x -> GossipRpc.empty()).ihave().add(new GossipRpc.IHave(topic, slice));
      }
    }
  }

  // ---- helpers for MeshState and ControlHandler ----

  Set<PeerId> peersIn(String topic) {
    Set<PeerId> out = new HashSet<>();
    peers.values().forEach(p -> {
      if (p.topics.contains(topic)) {
        out.add(p.id);
      }
    });
    return out;
  }

  /** Peers we may graft: subscribed to the topic, not negatively scored. */
  private List<PeerId> candidates(String topic) {
    List<PeerId> out = new ArrayList<>();
    for (GossipPeer p : peers.values()) {
      if (p.topics.contains(topic) && p.score.value() >= 0) {
        out.add(p.id);
      }
    }
    return out;
  }

  double scoreOf(PeerId p) {
    GossipPeer gp = peers.get(p);
    return gp == null ? 0 : gp.score.value();
  }

  private boolean isOutbound(PeerId p) {
    GossipPeer gp = peers.get(p);
    return gp != null && gp.outbound;
  }

  GossipsubParams params() {
    return params;
  }

  MeshState state() {
    return state;
  }

  boolean subscribed(String topic) {
    return subscriptions.containsKey(topic);
  }

  MessageCache mcache() {
    return mcache;
  }

  SeenCache seen() {
    return seen;
  }

  // ---- threading ----

  private void run(Runnable r) {
    try {
      thread.execute(() -> guarded(r));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closed: network events that arrive while shutting down are dropped
    }
  }

  private <T> CompletableFuture<T> call(Supplier<T> s) {
    return CompletableFuture.supplyAsync(s, thread);
  }

  private static void guarded(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.error("gossipsub task failed", e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
