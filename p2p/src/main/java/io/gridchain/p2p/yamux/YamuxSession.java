package io.gridchain.p2p.yamux;

import io.gridchain.p2p.stream.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.EventExecutor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One yamux session over a secured channel. The dialer of the connection (client) opens odd
 * stream ids, the listener even ones. Any protocol violation sends GoAway and closes the
 * connection with a logged reason.
 */
public final class YamuxSession extends ByteToMessageDecoder {
  public static final String PROTOCOL = "/yamux/1.0.0";
  static final int MAX_DATA_FRAME = 256 * 1024;
  private static final int SLICE_THRESHOLD = 16 * 1024;
  private static final long GO_AWAY_LINGER_MILLIS = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(YamuxSession.class);

  private final boolean client;
  private final YamuxConfig config;
  private final Connection connection;
  private final Consumer<YamuxStream> onInbound;
  private final IntObjectHashMap<YamuxStream> streams = new IntObjectHashMap<>();
  private ChannelHandlerContext ctx;
  private int nextId;
  private int inboundCount;
  private boolean goingAway;
  private YamuxFrame pendingData;
  private boolean flushScheduled;
  /** Bytes in the streams' write queues (waiting for window); the socket's backlog is Netty's. */
  private long queuedInStreams;
  private long framesWritten;
  private long framesWrittenAtLastCheck;
  private long lastProgressNanos = System.nanoTime();
  private java.util.concurrent.ScheduledFuture<?> progressCheck;

  public YamuxSession(boolean client, YamuxConfig config, Connection connection, Consumer<YamuxStream> onInbound) {
    this.client = client;
    this.config = config;
    this.connection = connection;
    this.onInbound = onInbound;
    this.nextId = client ? 1 : 2;
    // Noise hands over up to 64 KiB at a time; keep those buffers instead of merging them.
    setCumulator(COMPOSITE_CUMULATOR);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    long period = Math.max(50, Math.min(1000, config.writeStallTimeout().toMillis() / 4));
    progressCheck = ctx.executor().scheduleAtFixedRate(this::checkWriteProgress, period, period, TimeUnit.MILLISECONDS);
  }

  /** Bytes we hold for the remote: queued for its window, plus encrypted bytes not yet in the socket. */
  public long queuedWriteBytes() {
    ChannelOutboundBuffer socketBacklog = ctx.channel().unsafe().outboundBuffer();
    return queuedInStreams + (socketBacklog == null ? 0 : socketBacklog.totalPendingWriteBytes());
  }

  /** A stream queued n more bytes (negative: sent or dropped); over the limit, the peer is cut off. */
  void queued(long n) {
    queuedInStreams += n;
    if (n > 0 && queuedWriteBytes() > config.maxQueuedWriteBytes()) {
      closeSlowPeer(queuedWriteBytes() + " bytes wait for it, more than " + config.maxQueuedWriteBytes());
    }
  }

  /** While bytes wait for the remote, some frame must reach the socket within the stall timeout. */
  private void checkWriteProgress() {
    if (!ctx.channel().isActive()) {
      progressCheck.cancel(false);
      return;
    }
    long now = System.nanoTime();
    if (queuedWriteBytes() == 0 || framesWritten != framesWrittenAtLastCheck) {
      framesWrittenAtLastCheck = framesWritten;
      lastProgressNanos = now;
    } else if (now - lastProgressNanos > config.writeStallTimeout().toNanos()) {
      closeSlowPeer(queuedWriteBytes() + " bytes waited " + config.writeStallTimeout() + " with none read");
    }
  }

  private void closeSlowPeer(String reason) {
    if (ctx.channel().isActive()) {
      LOG.warn("closing connection to {}: it does not read ({})", connection.remotePeer(), reason);
      goingAway = true;
      ctx.close();
    }
  }

  Connection connection() {
    return connection;
  }

  YamuxConfig config() {
    return config;
  }

  EventExecutor executor() {
    return ctx.executor();
  }

  ByteBufAllocator alloc() {
    return ctx.alloc();
  }

  public int openStreams() {
    return streams.size();
  }

  /** Opens an outbound stream (SYN with our window grant); runs on the event loop. */
  public CompletableFuture<YamuxStream> openStream() {
    CompletableFuture<YamuxStream> f = new CompletableFuture<>();
    ctx.executor().execute(() -> {
      if (goingAway || !ctx.channel().isActive()) {
        f.completeExceptionally(new IllegalStateException("connection is closing"));
        return;
      }
      YamuxStream s = new YamuxStream(this, nextId, true);
      nextId += 2;
      streams.put(s.id(), s);
      sendFlags(YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, s.id(), s.initialGrant());
      flush();
      f.complete(s);
    });
    return f;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (ctx.channel().isActive()) {
      if (pendingData != null) {
        if (in.readableBytes() < pendingData.length()) {
          return;
        }
        ByteBuf data = take(in, (int) pendingData.length());
        YamuxFrame f = pendingData;
        pendingData = null;
        deliver(f, data);
        continue;
      }
      if (in.readableBytes() < YamuxFrame.HEADER) {
        return;
      }
      YamuxFrame f = YamuxFrame.peek(in);
      if (f == null || f.type() > YamuxFrame.GO_AWAY) {
        protocolError("unknown yamux version or frame type");
        return;
      }
      in.skipBytes(YamuxFrame.HEADER);
      if (!onHeader(f)) {
        return;
      }
    }
  }

  /**
   * Large data is handed on as a slice of the received buffers (no copy); small data is copied,
   * so that a few bytes kept by a slow handler do not pin whole 64 KiB Noise frames.
   */
  private ByteBuf take(ByteBuf in, int len) {
    if (len >= SLICE_THRESHOLD) {
      return in.readRetainedSlice(len);
    }
    ByteBuf data = ctx.alloc().heapBuffer(len);
    in.readBytes(data, len);
    return data;
  }

  /** Returns false when the session was closed. */
  private boolean onHeader(YamuxFrame f) {
    switch (f.type()) {
      case YamuxFrame.DATA -> {
        YamuxStream s = streamFor(f);
        if (!ctx.channel().isActive()) {
          return false;
        }
        if (s != null && f.length() > s.receiveWindow) {
          protocolError("stream " + f.streamId() + " overran its receive window (" + f.length() + " > " + s.receiveWindow + ")");
          return false;
        }
        if (s == null && f.length() > config.receiveWindow()) {
          protocolError("data frame of " + f.length() + " bytes for an unknown stream");
          return false;
        }
        pendingData = f;
      }
      case YamuxFrame.WINDOW_UPDATE -> {
        YamuxStream s = streamFor(f);
        if (s != null) {
          s.onWindowUpdate(f.length());
          applyCloseFlags(s, f);
        }
      }
      case YamuxFrame.PING -> onPing(f);
      default -> onGoAway(f);
    }
    return ctx.channel().isActive();
  }

  private void deliver(YamuxFrame f, ByteBuf data) {
    YamuxStream s = streams.get(f.streamId());
    if (s == null) {
      data.release(); // a stream we already reset: its data in flight is dropped
      return;
    }
    if (data.isReadable()) {
      s.onData(data);
    } else {
      data.release();
    }
    applyCloseFlags(s, f);
  }

  private void applyCloseFlags(YamuxStream s, YamuxFrame f) {
    if (f.has(YamuxFrame.RST)) {
      s.terminate();
    } else if (f.has(YamuxFrame.FIN)) {
      s.onRemoteFin();
    }
  }

  /** The stream a frame belongs to, opening it on SYN; null for an unknown or closed stream. */
  private YamuxStream streamFor(YamuxFrame f) {
    if (!f.has(YamuxFrame.SYN)) {
      return streams.get(f.streamId());
    }
    int id = f.streamId();
    if (id == 0 || (id % 2 == 1) == client) {
      protocolError("remote opened stream " + id + " with our id parity");
      return null;
    }
    if (streams.containsKey(id)) {
      protocolError("remote reopened stream " + id);
      return null;
    }
    if (inboundCount() >= config.maxInboundStreams()) {
      protocolError("remote exceeded " + config.maxInboundStreams() + " open streams");
      return null;
    }
    YamuxStream s = new YamuxStream(this, id, false);
    streams.put(id, s);
    sendFlags(YamuxFrame.WINDOW_UPDATE, YamuxFrame.ACK, id, s.initialGrant());
    flush();
    onInbound.accept(s);
    return s;
  }

  private int inboundCount() {
    inboundCount = 0;
    streams.values().forEach(s -> inboundCount += s.isOutbound() ? 0 : 1);
    return inboundCount;
  }

  private void onPing(YamuxFrame f) {
    if (f.has(YamuxFrame.SYN)) {
      sendFlags(YamuxFrame.PING, YamuxFrame.ACK, 0, f.length());
      flush();
    }
  }

  private void onGoAway(YamuxFrame f) {
    goingAway = true;
    if (f.length() != YamuxFrame.GO_AWAY_NORMAL) {
      LOG.info("{} sent yamux GoAway with error code {}", connection.remotePeer(), f.length());
    }
    ctx.close();
  }

  void protocolError(String reason) {
    LOG.warn("closing connection to {}: yamux {}", connection.remotePeer(), reason);
    goAway(YamuxFrame.GO_AWAY_PROTOCOL_ERROR);
  }

  /** Tells the remote we leave, then closes. */
  public void goAway(int code) {
    if (!goingAway && ctx.channel().isActive()) {
      goingAway = true;
      sendFlags(YamuxFrame.GO_AWAY, 0, 0, code);
      ctx.writeAndFlush(ctx.alloc().buffer(0)).addListener(x -> ctx.close());
      // a remote that does not read would hold the GoAway (and the connection) forever
      ctx.executor().schedule(() -> ctx.close(), GO_AWAY_LINGER_MILLIS, TimeUnit.MILLISECONDS);
    } else {
      ctx.close();
    }
  }

  void sendData(int id, ByteBuf data, CompletableFuture<Void> done) {
    ByteBuf header = ctx.alloc().buffer(YamuxFrame.HEADER);
    YamuxFrame.write(header, YamuxFrame.DATA, 0, id, data.readableBytes());
    ctx.write(header, ctx.voidPromise());
    ctx.write(data).addListener(f -> {
      if (f.isSuccess()) {
        framesWritten++;
        if (done != null) {
          done.complete(null);
        }
      } else if (done != null) {
        done.completeExceptionally(f.cause());
      }
    });
  }

  void sendFlags(int type, int flags, int id, long length) {
    ByteBuf header = ctx.alloc().buffer(YamuxFrame.HEADER);
    YamuxFrame.write(header, type, flags, id, length);
    ctx.write(header, ctx.voidPromise());
  }

  /**
   * Flushes once the event loop has run what is queued: writes of many small messages in one
   * turn then share Noise frames (and one encryption call) instead of one each.
   */
  void flush() {
    if (!flushScheduled) {
      flushScheduled = true;
      ctx.executor().execute(() -> {
        flushScheduled = false;
        ctx.flush();
      });
    }
  }

  void forget(int id) {
    streams.remove(id);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    goingAway = true;
    if (progressCheck != null) {
      progressCheck.cancel(false);
    }
    for (YamuxStream s : List.copyOf(streams.values())) {
      s.terminate();
    }
    super.channelInactive(ctx);
  }
}
