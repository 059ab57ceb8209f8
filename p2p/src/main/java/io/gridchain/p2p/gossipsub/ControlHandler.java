package io.gridchain.p2p.gossipsub;

import java.util.ArrayList;
import java.util.List;

/** Answers one RPC's control part: IHAVE→IWANT, IWANT→messages, GRAFT, PRUNE. */
final class ControlHandler {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ControlHandler.class);
  private static final int MAX_IWANT_PER_RPC = 500;
  private final GossipsubRouter router;
  private final GossipPeer peer;
  private final GossipRpc reply;

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
    for (byte[] id : iwant.messageIds()) {
      PubsubMessage m = router.mcache().get(id);
      if (m != null && reply.publish().size() < MAX_IWANT_PER_RPC) {
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
    long seconds = prune.backoffSeconds() > 0 ? prune.backoffSeconds() : router.params().pruneBackoff().toSeconds();
    router.state().prune(prune.topic(), peer.id, java.time.Duration.ofSeconds(Math.min(seconds, 3600)).toNanos());
  }
}
