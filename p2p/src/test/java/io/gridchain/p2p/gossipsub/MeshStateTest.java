package io.gridchain.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Mesh maintenance rules of gossipsub v1.1, on plain values. */
class MeshStateTest {
  final GossipsubParams params = GossipsubParams.DEFAULT; // D=6, D_lo=4, D_hi=12, D_out=2
  final MeshState state = new MeshState(params);
  final List<PeerId> peers = IntStream.range(0, 20)
      .mapToObj(i -> PeerId.fromPublicKey(PrivateKey.generate(KeyType.ED25519).publicKey())).toList();

  @Test
  void joiningGraftsDPeers() {
    assertThat(state.join("t", peers)).hasSize(params.d());
    assertThat(state.mesh("t")).hasSize(params.d());
  }

  @Test
  void belowDLoTheHeartbeatGraftsBackToD() {
    state.join("t", peers.subList(0, 2));
    Map<PeerId, GossipRpc> out = new HashMap<>();
    state.maintain("t", peers, p -> 0, p -> false, out);
    assertThat(state.mesh("t")).hasSize(params.d());
    assertThat(out.values()).allSatisfy(rpc -> assertThat(rpc.graft()).containsExactly("t"));
    assertThat(out).hasSize(params.d() - 2);
  }

  @Test
  void aboveDHiTheHeartbeatPrunesToDKeepingOutboundPeers() {
    peers.forEach(p -> state.graft("t", p));
    Set<PeerId> outbound = Set.of(peers.get(0), peers.get(1));
    Map<PeerId, GossipRpc> out = new HashMap<>();
    state.maintain("t", peers, p -> 0, outbound::contains, out);
    assertThat(state.mesh("t")).hasSize(params.d()).containsAll(outbound);
    assertThat(out).hasSize(peers.size() - params.d());
    assertThat(out.values()).allSatisfy(rpc -> assertThat(rpc.prune()).extracting(GossipRpc.Prune::backoffSeconds).containsExactly(60L));
  }

  @Test
  void negativelyScoredPeersArePrunedAndPrunedPeersBackOff() {
    state.join("t", peers.subList(0, 6));
    PeerId bad = peers.get(0);
    Map<PeerId, GossipRpc> out = new HashMap<>();
    state.maintain("t", peers.subList(0, 6), p -> p.equals(bad) ? -20 : 0, p -> true, out);
    assertThat(state.mesh("t")).doesNotContain(bad);
    assertThat(state.inBackoff("t", bad)).isTrue();
    // the next heartbeat does not graft it back while it backs off
    state.maintain("t", new ArrayList<>(peers.subList(0, 6)), p -> 0, p -> true, new HashMap<>());
    assertThat(state.mesh("t")).doesNotContain(bad);
  }

  @Test
  void fanoutIsKeptForPublishingToATopicWeAreNotIn() {
    Set<PeerId> f = state.fanout("other", peers);
    assertThat(f).hasSize(params.d());
    assertThat(state.fanout("other", peers)).isEqualTo(f);
    assertThat(state.join("other", peers)).containsAll(f);
  }
}
