package io.gridchain.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.host.HostConfig;
import io.gridchain.p2p.host.Libp2pNetwork;
import io.gridchain.p2p.interop.Poll;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Topic names chosen by a peer (subscriptions, PRUNEs) cannot grow the router's maps without bound. */
class TopicLimitsTest {
  Libp2pNetwork victim;
  RawGossipPeer attacker;

  @AfterEach
  void stop() {
    attacker.close();
    victim.close();
  }

  @Test
  void topicChurnAndPrunesOfStrangeTopicsStayBounded() throws Exception {
    victim = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build());
    victim.subscribe("t", m -> ValidationResult.ACCEPT);
    attacker = new RawGossipPeer().connect(victim.listenAddresses().get(0));
    for (int batch = 0; batch < 5; batch++) {
      GossipRpc rpc = GossipRpc.empty();
      for (int i = 0; i < 1000; i++) {
        String topic = "junk-" + batch + "-" + i;
        rpc.subscriptions().add(new GossipRpc.Subscription(true, topic));
        rpc.prune().add(new GossipRpc.Prune(topic, 3600));
      }
      attacker.send(rpc).get(5, TimeUnit.SECONDS);
    }
    attacker.send(RawGossipPeer.subscribe("t")).get(5, TimeUnit.SECONDS);
    Poll.until(() -> victim.gossip().topicPeers("junk-4-999").join().isEmpty()
        && victim.gossip().trackedTopics(attacker.id()).join()[0] > 0 ? true : null, Duration.ofSeconds(10));
    int[] sizes = victim.gossip().trackedTopics(attacker.id()).get(5, TimeUnit.SECONDS);
    assertThat(sizes[0]).as("topics recorded for the peer, of 5000 sent").isLessThanOrEqualTo(GossipsubRouter.MAX_TOPICS_PER_PEER);
    assertThat(sizes[1]).as("topics with PRUNE backoffs, of 5000 pruned").isLessThanOrEqualTo(1);
  }
}
