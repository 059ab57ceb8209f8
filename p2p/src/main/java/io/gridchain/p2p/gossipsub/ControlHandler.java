package io.gridchain.p2p.gossipsub;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Answers one RPC's control part: IHAVE→IWANT, IWANT→messages, GRAFT, PRUNE. */
final class ControlHandler {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ControlHandler.class);
  private static final int MAX_IWANT_PER_RPC = 500;
  /** gossipsub v1.1's gossip_retransmission: IWANT answers of one message to one peer. */
  static final int GOSSIP_RETRANSMISSION = 3;
  /** Room for the protobuf framing, keys and signatures around the data of a reply's messages. */
  private static final int REPLY_HEADROOM = 64 * 1024;
  private final GossipsubRouter router;
  private final GossipPeer peer;
  private final GossipRpc reply;
  private final Set<ByteBuffer> answered = new HashSet<>();
  private long replyBytes;

  ControlHandler(GossipsubRouter router, GossipPeer peer, GossipRpc reply) {
    this.router = router;
    this.peer = peer;
    this.reply = reply;
  }

  void handle(GossipRpc rpc) {
    boolean gossipOk = peer.score.value() >= router.params().gossipThreshold();
    if (gossipOk) {
      rpc.ihave().forEach(this::onIHave);
      rpc.iwant().forEach(this::onIWant);
    }
    rpc.graft().forEach(this::onGraft);
    rpc.prune().forEach(this::onPrune);
  }

  private void onIHave(GossipRpc.IHave ihave) {
    if (!router.subscribed(ihave.topic())) {
      return;
    }
    List<byte[]> want = new ArrayList<>();
    for (byte[] id : ihave.messageIds()) {
      if (want.size() >= MAX_IWANT_PER_RPC) {
        break;
      }
      if (!router.seen().contains(id)) {
        want.add(id);
      }
    }
    LOG.debug("IHAVE of {} from {}: {} ids, {} wanted", ihave.topic(), peer.id, ihave.messageIds().size(), want.size());
    if (!want.isEmpty()) {
      reply.iwant().add(new GossipRpc.IWant(want));
    }
  }

  private void onIWant(GossipRpc.IWant iwant) {
    LOG.debug("IWANT from {}: {} ids", peer.id, iwant.messageIds().size());
    // One copy per id and RPC, at most GOSSIP_RETRANSMISSION per peer in all, and no more
    // than one RPC's worth of bytes: the peer could not read a larger reply anyway.
    for (byte[] id : iwant.messageIds()) {
      if (reply.publish().size() >= MAX_IWANT_PER_RPC || !answered.add(ByteBuffer.wrap(id))) {
        continue;
      }
      PubsubMessage cached = router.mcache().get(id);
      if (cached == null || (replyBytes > 0 && replyBytes + cached.data().length > router.params().maxRpcBytes() - REPLY_HEADROOM)) {
        continue;
      }
      PubsubMessage m = router.mcache().getForPeer(id, peer.id, GOSSIP_RETRANSMISSION);
      if (m != null) {
        replyBytes += m.data().length;
        reply.publish().add(m);
      }
    }
  }

  private void onGraft(String topic) {
    MeshState state = router.state();
    long backoff = router.params().pruneBackoff().toNanos();
    if (!router.subscribed(topic)) {
      reply.prune().add(new GossipRpc.Prune(topic, 0));
      return;
    }
    if (state.inBackoff(topic, peer.id)) {
      peer.score.misbehaved(); // GRAFT while we asked it to back off
      state.addBackoff(topic, peer.id, backoff);
      reply.prune().add(new GossipRpc.Prune(topic, router.params().pruneBackoff().toSeconds()));
      return;
    }
    if (peer.score.value() < 0) {
      state.prune(topic, peer.id, backoff);
      reply.prune().add(new GossipRpc.Prune(topic, router.params().pruneBackoff().toSeconds()));
      return;
    }
    state.graft(topic, peer.id);
  }

  private void onPrune(GossipRpc.Prune prune) {
    if (!router.subscribed(prune.topic())) {
      return; // backoff only matters for a mesh we keep; other names would only grow the map
    }
    long seconds = prune.backoffSeconds() > 0 ? prune.backoffSeconds() : router.params().pruneBackoff().toSeconds();
    router.state().prune(prune.topic(), peer.id, java.time.Duration.ofSeconds(Math.min(seconds, 3600)).toNanos());
  }
}
