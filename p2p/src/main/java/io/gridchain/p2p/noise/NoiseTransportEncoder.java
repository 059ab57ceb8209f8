package io.gridchain.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import java.util.ArrayList;
import java.util.List;

/**
 * Encrypts outgoing bytes. Writes are gathered until flush, then cut into frames of at most
 * 65535 bytes (65519 of plaintext): small yamux headers and their data share one frame.
 */
final class NoiseTransportEncoder extends ChannelOutboundHandlerAdapter {
  static final int MAX_PLAINTEXT = 65535 - NoiseCipherState.TAG;
  private final NoiseCipherState cipher;
  // The cipher sees direct memory only: with a Java array a native cipher copies the whole
  // array in and back out, and a pooled buffer's array is shared with buffers of other threads.
  private final java.nio.ByteBuffer plain = java.nio.ByteBuffer.allocateDirect(MAX_PLAINTEXT);
  private CompositeByteBuf pending;
  private final List<ChannelPromise> promises = new ArrayList<>();

  NoiseTransportEncoder(NoiseCipherState cipher) {
    this.cipher = cipher;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf buf)) {
      ctx.write(msg, promise);
      return;
    }
    if (pending == null) {
      pending = ctx.alloc().compositeBuffer(1024);
    }
    pending.addComponent(true, buf);
    if (!promise.isVoid()) {
      promises.add(promise);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    if (pending != null && pending.isReadable()) {
      encryptPending(ctx);
    }
    ctx.flush();
  }

  private void encryptPending(ChannelHandlerContext ctx) {
    CompositeByteBuf data = pending;
    pending = null;
    List<ChannelPromise> waiting = List.copyOf(promises);
    promises.clear();
    try {
      while (data.isReadable()) {
        int n = Math.min(MAX_PLAINTEXT, data.readableBytes());
        plain.clear().limit(n);
        data.readBytes(plain);
        plain.flip();
        ByteBuf frame = ctx.alloc().directBuffer(2 + n + NoiseCipherState.TAG);
        frame.writeShort(n + NoiseCipherState.TAG);
        int len = cipher.encrypt(plain, frame.nioBuffer(2, n + NoiseCipherState.TAG));
        frame.writerIndex(2 + len);
        if (data.isReadable() || waiting.isEmpty()) {
          ctx.write(frame, ctx.voidPromise());
        } else {
          ctx.write(frame).addListener(f -> complete(waiting, f.cause()));
        }
      }
    } finally {
      data.release();
    }
  }

  private static void complete(List<ChannelPromise> waiting, Throwable cause) {
    for (ChannelPromise p : waiting) {
      if (cause == null) {
        p.trySuccess();
      } else {
        p.tryFailure(cause);
      }
    }
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    if (pending != null) {
      pending.release();
      pending = null;
    }
    complete(promises, new java.nio.channels.ClosedChannelException());
    promises.clear();
  }
}
