package io.gridchain.p2p.stream;

import io.netty.buffer.ByteBuf;

/** Receives a stream's events on the stream's event loop. */
public interface StreamHandler {
  /** The handler owns data and must release it. */
  void onData(MuxedStream stream, ByteBuf data);

  /** The remote half-closed its side: no more data will come. */
  default void onRemoteClose(MuxedStream stream) {}

  /** The stream is gone (both sides closed, reset, or the connection ended): release resources. */
  default void onClosed(MuxedStream stream) {}
}
