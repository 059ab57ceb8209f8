package io.gridchain.p2p.host;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.p2p.mss.MultistreamStreamHandler;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.yamux.YamuxStream;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A libp2p host on TCP: listens, dials (checking the peer id), keeps the connections per peer,
 * enforces the connection limit and the allowlist, and routes inbound streams by protocol.
 */
public final class Libp2pHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Libp2pHost.class);
  private final HostConfig config;
  private final PeerId localPeer;
  private final ProtocolTable protocols = new ProtocolTable();
  private final Map<PeerId, List<TcpConnection>> connections = new ConcurrentHashMap<>();
  private final List<HostListener> listeners = new CopyOnWriteArrayList<>();
  private final List<Channel> servers = new CopyOnWriteArrayList<>();
  private final EventLoopGroup group;
  private final Reconnector reconnector;
  private volatile boolean closed;

  public Libp2pHost(HostConfig config) {
    this.config = config;
    this.localPeer = PeerId.fromPublicKey(config.privateKey().publicKey());
    this.group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()), NioIoHandler.newFactory());
    this.reconnector = new Reconnector(this, group.next());
  }

  public HostConfig config() {
    return config;
  }

  public PeerId localPeer() {
    return localPeer;
  }

  public ProtocolTable protocols() {
    return protocols;
  }

  public void addListener(HostListener l) {
    listeners.add(l);
  }

  /** Binds the listen addresses, then dials the bootstrap peers (and keeps redialing them). */
  public void start() throws InterruptedException {
    for (Multiaddr m : config.listen()) {
      InetSocketAddress a = m.toSocketAddress().orElseThrow(() -> new IllegalArgumentException("not a TCP address: " + m));
      ServerBootstrap b = new ServerBootstrap()
          .group(group)
          .channel(NioServerSocketChannel.class)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              accept(ch);
            }
          });
      servers.add(b.bind(a).sync().channel());
    }
    for (Multiaddr m : config.bootstrap()) {
      reconnector.keep(m);
    }
  }

  private void accept(SocketChannel ch) {
    if (closed || connectionCount() >= config.maxConnections()) {
      LOG.info("refusing inbound connection from {}: {} connections open", ch.remoteAddress(), connectionCount());
      ch.close();
      return;
    }
    ConnectionSetup setup = ConnectionSetup.install(this, ch, false, null);
    setup.result.thenAccept(this::register);
  }

  /** Addresses we listen on, with our /p2p/ id. */
  public List<Multiaddr> listenAddresses() {
    List<Multiaddr> out = new ArrayList<>();
    for (Channel s : servers) {
      InetSocketAddress a = (InetSocketAddress) s.localAddress();
      out.add(Multiaddr.tcp(a.getAddress(), a.getPort()).withPeerId(localPeer));
    }
    return out;
  }

  /** Dials addr; when it names a /p2p/ id, the remote must prove that identity. */
  public CompletableFuture<Connection> dial(Multiaddr addr) {
    Optional<PeerId> expected = addr.peerId();
    if (expected.isPresent() && expected.get().equals(localPeer)) {
      return CompletableFuture.failedFuture(new ConnectionSetupException("refusing to dial ourselves"));
    }
    if (connectionCount() >= config.maxConnections()) {
      return CompletableFuture.failedFuture(new ConnectionSetupException(
          "connection limit reached (" + config.maxConnections() + ")"));
    }
    Optional<InetSocketAddress> target = addr.toSocketAddress();
    if (target.isEmpty()) {
      return CompletableFuture.failedFuture(new ConnectionSetupException("not a TCP address: " + addr));
    }
    CompletableFuture<Connection> result = new CompletableFuture<>();
    Bootstrap b = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.handshakeTimeout().toMillis())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ConnectionSetup setup = ConnectionSetup.install(Libp2pHost.this, ch, true, expected.orElse(null));
            setup.result.whenComplete((c, e) -> {
              if (e != null) {
                result.completeExceptionally(e);
              } else {
                register(c);
                result.complete(c);
              }
            });
          }
        });
    ChannelFuture cf = b.connect(target.get());
    cf.addListener(f -> {
      if (!f.isSuccess()) {
        result.completeExceptionally(new ConnectionSetupException("cannot connect to " + addr + ": " + f.cause().getMessage()));
      }
    });
    return result;
  }

  /** Null when the peer may connect, else the reason it may not. */
  String admit(PeerId remote, boolean inbound) {
    if (remote.equals(localPeer)) {
      return "the remote is ourselves";
    }
    if (config.allowlist().isPresent() && !config.allowlist().get().contains(remote)) {
      return "peer " + remote + " is not in the allowlist";
    }
    if (closed) {
      return "host is closing";
    }
    synchronized (connections) {
      int toRemote = connections.getOrDefault(remote, List.of()).size();
      if (toRemote >= MAX_CONNECTIONS_PER_PEER) {
        return "already " + toRemote + " connections to " + remote;
      }
      if (toRemote == 0 && !config.reserved().test(remote) && unreservedPeers() >= config.maxUnreserved()) {
        return "the " + config.maxUnreserved() + " slots for peers outside the validator set are taken";
      }
    }
    return null;
  }

  /**
   * One connection per peer is the rule; two dialling each other at once may each keep theirs, so a
   * second is let be rather than racing both sides into closing both.
   */
  static final int MAX_CONNECTIONS_PER_PEER = 2;

  /** Peers connected that hold no reserved slot; called holding {@code connections}. */
  private int unreservedPeers() {
    int n = 0;
    for (PeerId p : connections.keySet()) {
      if (!config.reserved().test(p)) {
        n++;
      }
    }
    return n;
  }

  private void register(TcpConnection c) {
    boolean first;
    synchronized (connections) {
      List<TcpConnection> list = connections.computeIfAbsent(c.remotePeer(), p -> new ArrayList<>());
      first = list.isEmpty();
      list.add(c);
    }
    LOG.debug("connected to {} ({})", c.remotePeer(), c.isOutbound() ? "outbound" : "inbound");
    c.channel().closeFuture().addListener(f -> unregister(c));
    if (first) {
      listeners.forEach(l -> l.onPeerConnected(c));
    }
  }

  private void unregister(TcpConnection c) {
    boolean last;
    synchronized (connections) {
      List<TcpConnection> list = connections.get(c.remotePeer());
      if (list == null || !list.remove(c)) {
        return;
      }
      last = list.isEmpty();
      if (last) {
        connections.remove(c.remotePeer());
      }
    }
    if (last) {
      LOG.debug("disconnected from {}", c.remotePeer());
      listeners.forEach(l -> l.onPeerDisconnected(c.remotePeer()));
    }
  }

  void onInboundStream(YamuxStream stream) {
    MultistreamStreamHandler.listen(stream, protocols::supports, protocols::bind);
  }

  public Optional<Connection> connection(PeerId peer) {
    synchronized (connections) {
      List<TcpConnection> list = connections.get(peer);
      return list == null ? Optional.empty() : list.stream().filter(TcpConnection::isOpen).map(c -> (Connection) c).findFirst();
    }
  }

  public List<Connection> connections() {
    synchronized (connections) {
      return connections.values().stream().flatMap(List::stream).map(c -> (Connection) c).toList();
    }
  }

  public int connectionCount() {
    synchronized (connections) {
      return connections.values().stream().mapToInt(List::size).sum();
    }
  }

  public void disconnect(PeerId peer, String reason) {
    synchronized (connections) {
      List.copyOf(connections.getOrDefault(peer, List.of())).forEach(c -> c.close(reason));
    }
  }

  @Override
  public void close() {
    closed = true;
    reconnector.stop();
    servers.forEach(Channel::close);
    connections().forEach(c -> c.close("host shutting down"));
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  boolean isClosed() {
    return closed;
  }
}
