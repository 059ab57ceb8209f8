package io.gridchain.p2p.mss;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * multistream-select on a whole channel (before Noise, and for the muxer inside Noise). When a
 * protocol is agreed, the listener adds the next handlers; bytes that came after the agreement
 * are passed on to them.
 */
public final class MultistreamChannelHandler extends ChannelInboundHandlerAdapter {
  /** Called on the event loop. */
  public interface Listener {
    void onSelected(ChannelHandlerContext ctx, String protocol);

    void onFailed(ChannelHandlerContext ctx, String reason);
  }

  private final MultistreamSelect select;
  private final Listener listener;
  private boolean done;
  private boolean started;

  public MultistreamChannelHandler(MultistreamSelect select, Listener listener) {
    this.select = select;
    this.listener = listener;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  // An accepted channel is already active when its handlers are added; a dialed one is not.
  private void start(ChannelHandlerContext ctx) {
    if (!started) {
      started = true;
      ctx.writeAndFlush(select.start(ctx.alloc()));
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (done || !(msg instanceof ByteBuf data)) {
      io.netty.util.ReferenceCountUtil.release(msg);
      return;
    }
    MultistreamSelect.Outcome o = select.onData(data, reply -> ctx.writeAndFlush(reply));
    if (o instanceof MultistreamSelect.Selected s) {
      done = true;
      listener.onSelected(ctx, s.protocol());
      if (s.remainder().isReadable() && ctx.channel().isActive()) {
        ctx.fireChannelRead(s.remainder());
      } else {
        s.remainder().release();
      }
      ctx.pipeline().remove(this);
    } else if (o instanceof MultistreamSelect.Failed f) {
      done = true;
      listener.onFailed(ctx, "multistream-select: " + f.reason());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    select.abandon();
    ctx.fireChannelInactive();
  }
}
