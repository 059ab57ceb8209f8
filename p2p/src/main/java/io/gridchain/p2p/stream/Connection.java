package io.gridchain.p2p.stream;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.PublicKey;
import io.gridchain.p2p.multiaddr.Multiaddr;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A secured, multiplexed connection to one authenticated peer. */
public interface Connection {
  PeerId remotePeer();

  PublicKey remoteKey();

  Multiaddr remoteAddress();

  Multiaddr localAddress();

  boolean isOutbound();

  boolean isOpen();

  /** Opens a stream and negotiates the first of protocols the remote supports. */
  <H extends StreamHandler> CompletableFuture<H> openStream(List<String> protocols, StreamBinder<H> binder);

  void close(String reason);
}
