package io.gridchain.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;

/**
 * Decrypts u16be-framed Noise transport messages. Output is one byte stream: a yamux frame may
 * span several Noise frames, so no framing is assumed above this handler.
 */
final class NoiseTransportDecoder extends ByteToMessageDecoder {
  private final NoiseCipherState cipher;
  private final byte[] scratch = new byte[65535];
  // Private arrays only: see NoiseTransportEncoder.
  private final byte[] opened = new byte[65535];

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
      in.readBytes(scratch, 0, len);
      int n = cipher.decrypt(null, scratch, 0, len, opened, 0);
      if (n < 0) {
        throw new DecoderException("noise frame fails authentication");
      }
      if (n > 0) {
        ByteBuf plain = ctx.alloc().heapBuffer(n);
        plain.writeBytes(opened, 0, n);
        out.add(plain);
      }
    }
  }
}
