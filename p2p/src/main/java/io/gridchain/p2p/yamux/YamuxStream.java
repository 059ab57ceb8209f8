package io.gridchain.p2p.yamux;

import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * A yamux stream. State lives on the session's event loop; public methods hop onto it. Windows
 * are longs: js-libp2p grows them past 256 KiB and a sum of updates must not wrap.
 */
public final class YamuxStream implements MuxedStream {
  private record PendingWrite(ByteBuf data, CompletableFuture<Void> done) {}

  private final YamuxSession session;
  private final int id;
  private final boolean outbound;
  private final ArrayDeque<PendingWrite> writes = new ArrayDeque<>();
  private final ArrayDeque<ByteBuf> unbound = new ArrayDeque<>();
  private StreamHandler handler;
  long sendWindow = YamuxFrame.INITIAL_WINDOW;
  long receiveWindow = YamuxFrame.INITIAL_WINDOW;
  private long consumedSinceUpdate;
  private int unboundBytes;
  private boolean finPending;
  boolean localClosed;
  boolean remoteClosed;
  private boolean closed;

  YamuxStream(YamuxSession session, int id, boolean outbound) {
    this.session = session;
    this.id = id;
    this.outbound = outbound;
  }

  int id() {
    return id;
  }

  @Override
  public Connection connection() {
    return session.connection();
  }

  @Override
  public boolean isOutbound() {
    return outbound;
  }

  @Override
  public EventExecutor executor() {
    return session.executor();
  }

  @Override
  public ByteBufAllocator alloc() {
    return session.alloc();
  }

  @Override
  public void setHandler(StreamHandler h) {
    onLoop(() -> {
      handler = h;
      while (handler == h && h != null && !unbound.isEmpty()) {
        ByteBuf b = unbound.poll();
        int n = b.readableBytes();
        unboundBytes -= n;
        h.onData(this, b);
        consumed(n);
      }
      if (handler == h && h != null && remoteClosed && unbound.isEmpty()) {
        h.onRemoteClose(this);
      }
    });
  }

  @Override
  public CompletableFuture<Void> write(ByteBuf data) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean queued = onLoop(() -> {
      if (localClosed || closed) {
        data.release();
        done.completeExceptionally(new IllegalStateException("stream " + id + " is closed for writing"));
        return;
      }
      writes.add(new PendingWrite(data, done));
      session.queued(data.readableBytes());
      drain();
    });
    if (!queued) {
      data.release();
      done.completeExceptionally(new IllegalStateException("connection closed"));
    }
    return done;
  }

  @Override
  public void closeWrite() {
    onLoop(() -> {
      if (!localClosed && !closed) {
        finPending = true;
        drain();
      }
    });
  }

  @Override
  public void reset() {
    onLoop(() -> {
      if (!closed) {
        session.sendFlags(YamuxFrame.WINDOW_UPDATE, YamuxFrame.RST, id, 0);
        terminate();
      }
    });
  }

  /** Sends what the window allows; a FIN goes out once everything before it has. */
  void drain() {
    boolean wrote = false;
    while (!writes.isEmpty() && sendWindow > 0) {
      PendingWrite w = writes.peek();
      int n = (int) Math.min(Math.min(w.data.readableBytes(), sendWindow), YamuxSession.MAX_DATA_FRAME);
      boolean last = n == w.data.readableBytes();
      session.sendData(id, w.data.readRetainedSlice(n), last ? w.done : null);
      session.queued(-n);
      sendWindow -= n;
      wrote = true;
      if (last) {
        writes.poll().data.release();
      }
    }
    if (finPending && writes.isEmpty()) {
      finPending = false;
      localClosed = true;
      session.sendFlags(YamuxFrame.WINDOW_UPDATE, YamuxFrame.FIN, id, 0);
      wrote = true;
      closeIfDone();
    }
    if (wrote) {
      session.flush();
    }
  }

  void onData(ByteBuf data) {
    int n = data.readableBytes();
    receiveWindow -= n;
    if (remoteClosed) {
      data.release();
      return;
    }
    if (handler == null) {
      unboundBytes += n;
      if (unboundBytes > session.config().maxUnboundBytes()) {
        data.release();
        reset();
        return;
      }
      unbound.add(data);
      return;
    }
    handler.onData(this, data);
    consumed(n);
  }

  private void consumed(int n) {
    consumedSinceUpdate += n;
    if (consumedSinceUpdate >= session.config().receiveWindow() / 2 && !closed) {
      session.sendFlags(YamuxFrame.WINDOW_UPDATE, 0, id, consumedSinceUpdate);
      session.flush();
      receiveWindow += consumedSinceUpdate;
      consumedSinceUpdate = 0;
    }
  }

  /** Grows our receive window from the 256 KiB default to the configured size. */
  long initialGrant() {
    long extra = session.config().receiveWindow() - YamuxFrame.INITIAL_WINDOW;
    receiveWindow += extra;
    return extra;
  }

  void onWindowUpdate(long delta) {
    sendWindow += delta;
    drain();
  }

  void onRemoteFin() {
    if (remoteClosed) {
      return;
    }
    remoteClosed = true;
    if (handler != null && unbound.isEmpty()) {
      handler.onRemoteClose(this);
    }
    closeIfDone();
  }

  private void closeIfDone() {
    if (localClosed && remoteClosed) {
      terminate();
    }
  }

  /** Reset by either side or the connection went away. */
  void terminate() {
    if (closed) {
      return;
    }
    closed = true;
    session.forget(id);
    for (PendingWrite w : writes) {
      session.queued(-w.data.readableBytes());
      w.data.release();
      w.done.completeExceptionally(new IllegalStateException("stream " + id + " closed"));
    }
    writes.clear();
    unbound.forEach(ByteBuf::release);
    unbound.clear();
    if (handler != null) {
      handler.onClosed(this);
    }
  }

  /** Returns false when the connection's event loop is gone (the host is shutting down). */
  private boolean onLoop(Runnable r) {
    if (session.executor().inEventLoop()) {
      r.run();
      return true;
    }
    try {
      session.executor().execute(r);
      return true;
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "yamux stream " + id + " to " + session.connection().remotePeer();
  }
}
