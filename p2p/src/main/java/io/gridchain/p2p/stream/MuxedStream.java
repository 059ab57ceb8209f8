package io.gridchain.p2p.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.CompletableFuture;

/**
 * One multiplexed stream of a connection. Handler callbacks run on {@link #executor()}; the
 * methods may be called from any thread.
 */
public interface MuxedStream {
  Connection connection();

  boolean isOutbound();

  /** Data that arrived before a handler was set is delivered to it now. */
  void setHandler(StreamHandler handler);

  /** Takes ownership of data; completes once it is handed to the socket (flow control permitting). */
  CompletableFuture<Void> write(ByteBuf data);

  /** Half-close: we send no more, the remote may still send. */
  void closeWrite();

  void reset();

  EventExecutor executor();

  ByteBufAllocator alloc();
}
