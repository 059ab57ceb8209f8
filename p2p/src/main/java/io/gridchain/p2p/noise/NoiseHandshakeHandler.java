package io.gridchain.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Runs a {@link NoiseHandshake} over a channel: handshake messages are u16be-length framed. On
 * success it puts the transport codec in its own place and hands bytes that arrived after the
 * last handshake message on to it.
 */
public final class NoiseHandshakeHandler extends ByteToMessageDecoder {
  /** Called on the event loop; add the handlers that follow Noise (muxer) in onSecured. */
  public interface Listener {
    void onSecured(ChannelHandlerContext ctx, NoiseSecured secured);

    void onFailed(ChannelHandlerContext ctx, String reason);
  }

  private final NoiseHandshake handshake;
  private final boolean initiator;
  private final Listener listener;
  private boolean finished;

  public NoiseHandshakeHandler(NoiseHandshake handshake, boolean initiator, Listener listener) {
    this.handshake = handshake;
    this.initiator = initiator;
    this.listener = listener;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (initiator) {
      writeFrame(ctx, handshake.start());
    }
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (finished || in.readableBytes() < 2) {
      return;
    }
    int len = in.getUnsignedShort(in.readerIndex());
    if (in.readableBytes() < 2 + len) {
      return;
    }
    in.skipBytes(2);
    byte[] msg = new byte[len];
    in.readBytes(msg);
    NoiseHandshake.Step step = handshake.read(msg);
    if (step instanceof NoiseHandshake.Continue c) {
      writeFrame(ctx, c.reply());
    } else if (step instanceof NoiseHandshake.Done d) {
      finished = true;
      if (d.reply() != null) {
        writeFrame(ctx, d.reply());
      }
      secure(ctx, d.secured());
    } else if (step instanceof NoiseHandshake.Failed f) {
      finished = true;
      in.skipBytes(in.readableBytes());
      listener.onFailed(ctx, "noise: " + f.reason());
    }
  }

  private void secure(ChannelHandlerContext ctx, NoiseSecured secured) {
    String name = ctx.name();
    ctx.pipeline().addAfter(name, "noise-encoder", new NoiseTransportEncoder(secured.sender()));
    ctx.pipeline().addAfter("noise-encoder", "noise-decoder", new NoiseTransportDecoder(secured.receiver()));
    listener.onSecured(ctx, secured);
    if (ctx.channel().isOpen()) {
      ctx.pipeline().remove(this); // leftover bytes flow on to noise-decoder
    }
  }

  private static void writeFrame(ChannelHandlerContext ctx, byte[] msg) {
    ByteBuf buf = ctx.alloc().buffer(2 + msg.length);
    buf.writeShort(msg.length);
    buf.writeBytes(msg);
    ctx.writeAndFlush(buf);
  }
}
