package io.gridchain.p2p.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

/**
 * Accumulates stream bytes and cuts out varint-length-prefixed messages. A length above the
 * limit is reported before its body arrives, so a peer cannot make us buffer it.
 */
public final class LengthPrefixedReader {
  /** What {@link #next()} found. */
  public sealed interface Result {}

  public record Message(ByteBuf body) implements Result {}

  public record NeedMore() implements Result {}

  public record TooLarge(long length) implements Result {}

  public record Malformed() implements Result {}

  private static final NeedMore NEED_MORE = new NeedMore();
  private final CompositeByteBuf buffer;
  private int maxLength;

  public LengthPrefixedReader(ByteBufAllocator alloc, int maxLength) {
    this.buffer = alloc.compositeBuffer(64);
    this.maxLength = maxLength;
  }

  /** Changes the limit for the messages still to come (a protocol may allow less at first). */
  public void maxLength(int max) {
    this.maxLength = max;
  }

  /** Takes ownership of data. */
  public void add(ByteBuf data) {
    buffer.addComponent(true, data);
  }

  /** The caller owns (and must release) a returned Message body. */
  public Result next() {
    int start = buffer.readerIndex();
    long len = Varint.read(buffer);
    if (len == Varint.INCOMPLETE) {
      return NEED_MORE;
    }
    if (len == Varint.MALFORMED) {
      return new Malformed();
    }
    if (len > maxLength) {
      return new TooLarge(len);
    }
    if (buffer.readableBytes() < len) {
      buffer.readerIndex(start);
      return NEED_MORE;
    }
    ByteBuf body = buffer.readBytes((int) len);
    buffer.discardReadComponents();
    return new Message(body);
  }

  /** Bytes after the messages read so far (for handing a stream over to the next protocol). */
  public ByteBuf takeRemainder() {
    return buffer.readBytes(buffer.readableBytes());
  }

  public int buffered() {
    return buffer.readableBytes();
  }

  public void release() {
    if (buffer.refCnt() > 0) {
      buffer.release();
    }
  }
}
