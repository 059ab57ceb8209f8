package io.gridchain.p2p.memory;

import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.P2PNetworkContract;
import java.util.List;

class InMemoryP2PNetworkTest extends P2PNetworkContract {
  private final InMemoryHub hub = new InMemoryHub();

  @Override
  protected P2PNetwork newNode() {
    return hub.newNode();
  }

  @Override
  protected void settle(List<P2PNetwork> nodes, String topic) {
    // links carry gossip as soon as they exist
  }
}
