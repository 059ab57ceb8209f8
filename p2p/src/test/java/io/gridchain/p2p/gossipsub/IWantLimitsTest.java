package io.gridchain.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.host.HostConfig;
import io.gridchain.p2p.host.Libp2pNetwork;
import io.gridchain.p2p.interop.Poll;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** IWANT is answered once per id and RPC, and at most gossip_retransmission times per peer. */
class IWantLimitsTest {
  Libp2pNetwork victim;
  RawGossipPeer attacker;

  @AfterEach
  void stop() {
    attacker.close();
    victim.close();
  }

  @Test
  void oneIdRepeatedInIWantStormsIsSentAtMostThreeTimes() throws Exception {
    victim = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build());
    victim.subscribe("t", m -> ValidationResult.ACCEPT);
    attacker = new RawGossipPeer().connect(victim.listenAddresses().get(0));
    attacker.send(RawGossipPeer.subscribe("t")).get(5, TimeUnit.SECONDS);
    Poll.until(() -> victim.gossip().topicPeers("t").join().contains(attacker.id()) ? true : null, Duration.ofSeconds(10));

    victim.publish("t", new byte[1024]).get(5, TimeUnit.SECONDS);
    PubsubMessage published = Poll.until(() -> attacker.received.stream()
        .flatMap(r -> r.publish().stream()).findFirst().orElse(null), Duration.ofSeconds(10));
    byte[] id = MessageSigning.claimedId(published).orElseThrow();
    attacker.drainPublished(200);

    for (int i = 0; i < 5; i++) {
      GossipRpc storm = GossipRpc.empty();
      storm.iwant().add(new GossipRpc.IWant(new ArrayList<>(Collections.nCopies(500, id))));
      attacker.send(storm).get(5, TimeUnit.SECONDS);
    }
    int copies = attacker.drainPublished(2000);
    assertThat(copies).as("copies sent for 5 IWANTs of 500 repeats of one id").isEqualTo(3); // gossipsub v1.1 gossip_retransmission
  }
}
