package io.gridchain.p2p.host;

import io.gridchain.p2p.AsyncGossipValidator;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.Peer;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.PeerListener;
import io.gridchain.p2p.RequestLimits;
import io.gridchain.p2p.RequestResponseProtocol;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.gossipsub.GossipsubParams;
import io.gridchain.p2p.gossipsub.GossipsubRouter;
import io.gridchain.p2p.identify.IdentifyService;
import io.gridchain.p2p.identify.PeerInfo;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.p2p.ping.PingService;
import io.gridchain.p2p.reqresp.RequestResponseService;
import io.gridchain.p2p.stream.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** The libp2p {@link P2PNetwork}: a TCP host with identify, ping, gossipsub and request/response. */
public final class Libp2pNetwork implements P2PNetwork {
  private final Libp2pHost host;
  private final IdentifyService identify;
  private final PingService ping;
  private final GossipsubRouter gossip;
  private final RequestResponseService requests;
  private final List<PeerListener> listeners = new CopyOnWriteArrayList<>();

  private Libp2pNetwork(HostConfig config, GossipsubParams gossipParams) {
    this.host = new Libp2pHost(config);
    this.identify = new IdentifyService(host);
    this.ping = new PingService(host);
    this.gossip = new GossipsubRouter(host, gossipParams);
    this.requests = new RequestResponseService(host);
    host.addListener(new HostListener() {
      @Override
      public void onPeerConnected(Connection c) {
        Peer p = peer(c);
        listeners.forEach(l -> l.onConnected(p));
      }

      @Override
      public void onPeerDisconnected(PeerId peer) {
        listeners.forEach(l -> l.onDisconnected(peer));
      }
    });
  }

  /** Starts listening and dialing the bootstrap peers. */
  public static Libp2pNetwork start(HostConfig config) throws InterruptedException {
    return start(config, GossipsubParams.DEFAULT);
  }

  public static Libp2pNetwork start(HostConfig config, GossipsubParams gossipParams) throws InterruptedException {
    Libp2pNetwork n = new Libp2pNetwork(config, gossipParams);
    n.host.start();
    return n;
  }

  @Override
  public PeerId localPeerId() {
    return host.localPeer();
  }

  @Override
  public List<Multiaddr> listenAddresses() {
    return host.listenAddresses();
  }

  @Override
  public CompletableFuture<Peer> dial(Multiaddr addr) {
    return host.dial(addr).thenApply(this::peer);
  }

  @Override
  public List<Peer> connectedPeers() {
    return host.connections().stream()
        .collect(java.util.stream.Collectors.toMap(Connection::remotePeer, c -> c, (a, b) -> a, java.util.LinkedHashMap::new))
        .values().stream().map(this::peer).toList();
  }

  private Peer peer(Connection c) {
    List<Multiaddr> listen = identify.info(c.remotePeer()).map(PeerInfo::listenAddresses).orElse(List.of());
    return new Peer(c.remotePeer(), c.remoteAddress(), listen, c.isOutbound());
  }

  @Override
  public void addPeerListener(PeerListener listener) {
    listeners.add(listener);
  }

  @Override
  public Topic subscribeAsync(String topic, AsyncGossipValidator validator) {
    gossip.subscribe(topic, validator);
    return new Topic() {
      @Override
      public String name() {
        return topic;
      }

      @Override
      public CompletableFuture<Integer> publish(byte[] data) {
        return gossip.publish(topic, data);
      }

      @Override
      public void close() {
        gossip.unsubscribe(topic);
      }
    };
  }

  /** Publishes to a topic we need not be subscribed to (fanout). */
  public CompletableFuture<Integer> publish(String topic, byte[] data) {
    return gossip.publish(topic, data);
  }

  @Override
  public void registerProtocol(RequestResponseProtocol protocol) {
    requests.register(protocol);
  }

  @Override
  public CompletableFuture<byte[]> request(PeerId peer, String protocolId, byte[] request, RequestLimits limits) {
    return requests.request(peer, protocolId, request, limits);
  }

  public CompletableFuture<Duration> ping(PeerId peer) {
    return ping.ping(peer, Duration.ofSeconds(10));
  }

  /** For diagnostics and tests: the protocol layers underneath. */
  public Libp2pHost host() {
    return host;
  }

  public IdentifyService identify() {
    return identify;
  }

  public GossipsubRouter gossip() {
    return gossip;
  }

  @Override
  public void close() {
    gossip.close();
    host.close();
  }
}
