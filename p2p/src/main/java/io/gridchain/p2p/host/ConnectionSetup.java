package io.gridchain.p2p.host;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.mss.MultistreamChannelHandler;
import io.gridchain.p2p.mss.MultistreamSelect;
import io.gridchain.p2p.noise.NoiseHandshake;
import io.gridchain.p2p.noise.NoiseHandshakeHandler;
import io.gridchain.p2p.noise.NoiseSecured;
import io.gridchain.p2p.yamux.YamuxSession;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upgrades a raw TCP channel: multistream-select "/noise", the Noise XX handshake, then yamux
 * (inside the handshake, or by multistream-select), all within the handshake timeout. The result
 * fails with the reason when the peer is not the one expected or not allowed.
 */
final class ConnectionSetup {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionSetup.class);
  static final String NOISE = "/noise";
  private final Libp2pHost host;
  private final Channel channel;
  private final boolean initiator;
  private final PeerId expected;
  final CompletableFuture<TcpConnection> result = new CompletableFuture<>();

  private ConnectionSetup(Libp2pHost host, Channel channel, boolean initiator, PeerId expected) {
    this.host = host;
    this.channel = channel;
    this.initiator = initiator;
    this.expected = expected;
  }

  /** Called from the channel initializer, before the channel is active. */
  static ConnectionSetup install(Libp2pHost host, Channel ch, boolean initiator, PeerId expected) {
    ConnectionSetup setup = new ConnectionSetup(host, ch, initiator, expected);
    MultistreamSelect select = initiator
        ? MultistreamSelect.dialer(List.of(NOISE), ch.alloc())
        : MultistreamSelect.listener(NOISE::equals, ch.alloc());
    ch.pipeline().addLast("mss-security", new MultistreamChannelHandler(select, setup.securityListener()));
    ch.pipeline().addLast("errors", new ErrorHandler(setup));
    ch.eventLoop().schedule(setup::timeout, host.config().handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return setup;
  }

  private void timeout() {
    if (!result.isDone()) {
      fail("handshake not finished within " + host.config().handshakeTimeout());
    }
  }

  void fail(String reason) {
    if (result.completeExceptionally(new ConnectionSetupException(reason))) {
      LOG.info("closing {} connection {}: {}", initiator ? "outbound" : "inbound", channel.remoteAddress(), reason);
    }
    channel.close();
  }

  private MultistreamChannelHandler.Listener securityListener() {
    return new MultistreamChannelHandler.Listener() {
      @Override
      public void onSelected(ChannelHandlerContext ctx, String protocol) {
        List<String> muxers = host.config().earlyMuxer() ? List.of(YamuxSession.PROTOCOL) : List.of();
        NoiseHandshake hs = initiator
            ? NoiseHandshake.initiator(host.config().privateKey(), muxers)
            : NoiseHandshake.responder(host.config().privateKey(), muxers);
        ctx.pipeline().addAfter(ctx.name(), "noise-handshake", new NoiseHandshakeHandler(hs, initiator, noiseListener()));
      }

      @Override
      public void onFailed(ChannelHandlerContext ctx, String reason) {
        fail(reason);
      }
    };
  }

  private NoiseHandshakeHandler.Listener noiseListener() {
    return new NoiseHandshakeHandler.Listener() {
      @Override
      public void onSecured(ChannelHandlerContext ctx, NoiseSecured secured) {
        secured(secured);
      }

      @Override
      public void onFailed(ChannelHandlerContext ctx, String reason) {
        fail(reason);
      }
    };
  }

  private void secured(NoiseSecured s) {
    PeerId remote = s.remotePeer();
    if (expected != null && !expected.equals(remote)) {
      fail("expected peer " + expected + " but the remote proved to be " + remote);
      return;
    }
    String refusal = host.admit(remote, !initiator);
    if (refusal != null) {
      fail(refusal);
      return;
    }
    TcpConnection conn = new TcpConnection(channel, s.remoteKey(), initiator);
    if (s.earlyMuxer().isPresent()) {
      startYamux(conn);
    } else if (s.muxerExtensionUsed()) {
      fail("no stream muxer in common in the Noise extensions");
    } else {
      MultistreamSelect select = initiator
          ? MultistreamSelect.dialer(List.of(YamuxSession.PROTOCOL), channel.alloc())
          : MultistreamSelect.listener(YamuxSession.PROTOCOL::equals, channel.alloc());
      channel.pipeline().addBefore("errors", "mss-muxer", new MultistreamChannelHandler(select, muxerListener(conn)));
    }
  }

  private MultistreamChannelHandler.Listener muxerListener(TcpConnection conn) {
    return new MultistreamChannelHandler.Listener() {
      @Override
      public void onSelected(ChannelHandlerContext ctx, String protocol) {
        startYamux(conn);
      }

      @Override
      public void onFailed(ChannelHandlerContext ctx, String reason) {
        fail(reason);
      }
    };
  }

  private void startYamux(TcpConnection conn) {
    YamuxSession session = new YamuxSession(initiator, host.config().yamux(), conn, host::onInboundStream);
    conn.attach(session);
    channel.pipeline().addBefore("errors", "yamux", session);
    result.complete(conn);
  }

  /** Last in the pipeline: a decoding error or IO failure closes the connection with its reason. */
  private static final class ErrorHandler extends ChannelInboundHandlerAdapter {
    private final ConnectionSetup setup;

    ErrorHandler(ConnectionSetup setup) {
      this.setup = setup;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      if (!setup.result.isDone()) {
        setup.fail(reason);
      } else {
        LOG.info("closing connection {}: {}", ctx.channel().remoteAddress(), reason);
        ctx.close();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!setup.result.isDone()) {
        setup.fail("connection closed by the remote during the handshake");
      }
      ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      io.netty.util.ReferenceCountUtil.release(msg);
    }
  }
}
