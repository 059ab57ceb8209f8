package io.gridchain.p2p;

import io.gridchain.p2p.multiaddr.Multiaddr;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The network as the chain node uses it: peers, gossip topics and request/response protocols.
 * Implemented by {@link io.gridchain.p2p.host.Libp2pNetwork} (TCP, libp2p) and
 * {@link io.gridchain.p2p.memory.InMemoryP2PNetwork} (tests).
 */
public interface P2PNetwork extends AutoCloseable {
  PeerId localPeerId();

  /** Where others can dial us, each ending in /p2p/ our id. */
  List<Multiaddr> listenAddresses();

  /** Connects; when addr ends in /p2p/ID the remote must prove to be ID. */
  CompletableFuture<Peer> dial(Multiaddr addr);

  List<Peer> connectedPeers();

  void addPeerListener(PeerListener listener);

  /** Joins a topic; every new valid-signed message on it goes through validator, on the gossip thread. */
  default Topic subscribe(String topic, GossipValidator validator) {
    return subscribeAsync(topic, message -> CompletableFuture.completedFuture(validator.validate(message)));
  }

  /** Joins a topic whose validator answers later; other topics' messages are not held up meanwhile. */
  Topic subscribeAsync(String topic, AsyncGossipValidator validator);

  void registerProtocol(RequestResponseProtocol protocol);

  /** Sends one request on a new stream; fails on timeout, reset, or a response over the limit. */
  CompletableFuture<byte[]> request(PeerId peer, String protocolId, byte[] request, RequestLimits limits);

  @Override
  void close();
}
