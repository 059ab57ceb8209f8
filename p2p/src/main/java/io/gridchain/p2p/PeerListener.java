package io.gridchain.p2p;

/** Peer connect/disconnect events, in order per peer. */
public interface PeerListener {
  void onConnected(Peer peer);

  void onDisconnected(PeerId peer);
}
