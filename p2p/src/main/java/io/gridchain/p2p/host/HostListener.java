package io.gridchain.p2p.host;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.stream.Connection;

/** Peer-level events: the first connection to a peer opened, its last one closed. */
public interface HostListener {
  void onPeerConnected(Connection connection);

  void onPeerDisconnected(PeerId peer);
}
