package io.gridchain.p2p.host;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.PublicKey;
import io.gridchain.p2p.mss.MultistreamStreamHandler;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.StreamBinder;
import io.gridchain.p2p.stream.StreamHandler;
import io.gridchain.p2p.yamux.YamuxSession;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A TCP connection secured by Noise and multiplexed by yamux. */
final class TcpConnection implements Connection {
  private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
  private final Channel channel;
  private final PublicKey remoteKey;
  private final PeerId remotePeer;
  private final boolean outbound;
  private YamuxSession session;

  TcpConnection(Channel channel, PublicKey remoteKey, boolean outbound) {
    this.channel = channel;
    this.remoteKey = remoteKey;
    this.remotePeer = PeerId.fromPublicKey(remoteKey);
    this.outbound = outbound;
  }

  void attach(YamuxSession s) {
    this.session = s;
  }

  YamuxSession session() {
    return session;
  }

  Channel channel() {
    return channel;
  }

  @Override
  public PeerId remotePeer() {
    return remotePeer;
  }

  @Override
  public PublicKey remoteKey() {
    return remoteKey;
  }

  @Override
  public Multiaddr remoteAddress() {
    InetSocketAddress a = (InetSocketAddress) channel.remoteAddress();
    return Multiaddr.tcp(a.getAddress(), a.getPort());
  }

  @Override
  public Multiaddr localAddress() {
    InetSocketAddress a = (InetSocketAddress) channel.localAddress();
    return Multiaddr.tcp(a.getAddress(), a.getPort());
  }

  @Override
  public boolean isOutbound() {
    return outbound;
  }

  @Override
  public boolean isOpen() {
    return channel.isActive();
  }

  @Override
  public <H extends StreamHandler> CompletableFuture<H> openStream(List<String> protocols, StreamBinder<H> binder) {
    return session.openStream().thenCompose(s -> MultistreamStreamHandler.dial(s, protocols, binder));
  }

  @Override
  public void close(String reason) {
    LOG.info("closing connection to {}: {}", remotePeer, reason);
    channel.eventLoop().execute(() -> session.goAway(0));
  }

  @Override
  public String toString() {
    return remotePeer + " at " + (channel.remoteAddress());
  }
}
