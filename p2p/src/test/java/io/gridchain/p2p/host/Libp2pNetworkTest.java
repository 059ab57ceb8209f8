package io.gridchain.p2p.host;

import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.P2PNetworkContract;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.gossipsub.GossipsubParams;
import io.gridchain.p2p.interop.Poll;
import java.time.Duration;
import java.util.List;

/** The contract on real sockets, Noise, yamux and gossipsub (Java to Java on 127.0.0.1). */
class Libp2pNetworkTest extends P2PNetworkContract {
  static final GossipsubParams FAST = GossipsubParams.DEFAULT.withHeartbeat(Duration.ofMillis(100));

  @Override
  protected P2PNetwork newNode() throws Exception {
    return Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build(), FAST);
  }

  @Override
  protected void settle(List<P2PNetwork> nodes, String topic) {
    for (P2PNetwork n : nodes) {
      Libp2pNetwork l = (Libp2pNetwork) n;
      for (var peer : n.connectedPeers()) {
        PeerId p = peer.id();
        Poll.until(() -> l.gossip().meshPeers(topic).join().contains(p) ? true : null, Duration.ofSeconds(10));
      }
    }
  }
}
