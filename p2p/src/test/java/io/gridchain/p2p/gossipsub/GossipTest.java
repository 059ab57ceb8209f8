package io.gridchain.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.host.HostConfig;
import io.gridchain.p2p.host.Libp2pNetwork;
import io.gridchain.p2p.interop.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gossip beyond the mesh, Java to Java on sockets: IHAVE from the cache, IWANT, delivery. */
class GossipTest {
  /** A mesh of one peer, no flood publish: whoever is outside the mesh only hears gossip. */
  static final GossipsubParams NARROW = new GossipsubParams(
      1, 1, 1, 0, 6,
      Duration.ofMillis(100), Duration.ofSeconds(60), 5, 3, Duration.ofMinutes(2),
      Duration.ofMinutes(1), false, 4 << 20, 5000,
      -10, -10, 0.9, -10, -50, -80);
  /**
   * The subscribers never graft on their own (D and D_lo of 0), so the publisher's one-peer mesh
   * cannot churn: a subscriber grafted after the publish would be in the mesh and never hear IHAVE.
   */
  static final GossipsubParams QUIET = new GossipsubParams(
      0, 0, 1, 0, 6,
      Duration.ofMillis(100), Duration.ofSeconds(60), 5, 3, Duration.ofMinutes(2),
      Duration.ofMinutes(1), false, 4 << 20, 5000,
      -10, -10, 0.9, -10, -50, -80);
  final List<Libp2pNetwork> nodes = new ArrayList<>();

  @AfterEach
  void close() {
    nodes.forEach(Libp2pNetwork::close);
  }

  private Libp2pNetwork node(GossipsubParams params) throws InterruptedException {
    Libp2pNetwork n = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build(), params);
    nodes.add(n);
    return n;
  }

  @Test
  void aSubscriberOutsideTheMeshGetsTheMessageThroughIHaveAndIWant() throws Exception {
    Libp2pNetwork pub = node(NARROW);
    Libp2pNetwork s1 = node(QUIET);
    Libp2pNetwork s2 = node(QUIET);
    Topic topic = pub.subscribe("t", m -> ValidationResult.ACCEPT);
    List<PeerId> got = new CopyOnWriteArrayList<>();
    s1.subscribe("t", m -> {
      got.add(s1.localPeerId());
      return ValidationResult.ACCEPT;
    });
    s2.subscribe("t", m -> {
      got.add(s2.localPeerId());
      return ValidationResult.ACCEPT;
    });
    s1.dial(pub.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    s2.dial(pub.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    Poll.until(() -> pub.gossip().topicPeers("t").join().size() == 2 && pub.gossip().meshPeers("t").join().size() == 1 ? true : null,
        Duration.ofSeconds(20));
    Set<PeerId> mesh = pub.gossip().meshPeers("t").get();

    assertThat(topic.publish(new byte[] {42}).get()).isEqualTo(1); // to the one mesh peer only
    Poll.until(() -> got.size() == 2 ? true : null, Duration.ofSeconds(20));
    PeerId outside = mesh.contains(s1.localPeerId()) ? s2.localPeerId() : s1.localPeerId();
    assertThat(got).containsExactlyInAnyOrder(s1.localPeerId(), s2.localPeerId()).contains(outside);
  }
}
