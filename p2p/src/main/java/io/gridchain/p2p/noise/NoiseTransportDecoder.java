package io.gridchain.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Decrypts u16be-framed Noise transport messages. Output is one byte stream: a yamux frame may
 * span several Noise frames, so no framing is assumed above this handler.
 */
final class NoiseTransportDecoder extends ByteToMessageDecoder {
  private final NoiseCipherState cipher;
  // Direct memory only, see NoiseTransportEncoder; used when the received bytes are not direct.
  private final ByteBuffer sealed = ByteBuffer.allocateDirect(65535);

  NoiseTransportDecoder(NoiseCipherState cipher) {
    this.cipher = cipher;
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= 2) {
      int len = in.getUnsignedShort(in.readerIndex());
      if (in.readableBytes() < 2 + len) {
        return;
      }
      if (len < NoiseCipherState.TAG) {
        throw new DecoderException("noise frame shorter than its tag: " + len);
      }
      in.skipBytes(2);
      ByteBuf plain = ctx.alloc().directBuffer(Math.max(1, len - NoiseCipherState.TAG));
      int n = cipher.decrypt(frameBytes(in, len), plain.nioBuffer(0, len - NoiseCipherState.TAG));
      if (n < 0) {
        plain.release();
        throw new DecoderException("noise frame fails authentication");
      }
      plain.writerIndex(n);
      if (n > 0) {
        out.add(plain);
      } else {
        plain.release();
      }
    }
  }

  /** The frame's ciphertext as one direct buffer, consumed from in. */
  private ByteBuffer frameBytes(ByteBuf in, int len) {
    ByteBuffer view;
    if (in.isDirect() && in.nioBufferCount() == 1) {
      view = in.nioBuffer(in.readerIndex(), len);
    } else {
      sealed.clear().limit(len);
      in.getBytes(in.readerIndex(), sealed);
      view = sealed.flip();
    }
    in.skipBytes(len);
    return view;
  }
}
