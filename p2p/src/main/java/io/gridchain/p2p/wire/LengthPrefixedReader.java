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
  private static final java.util.concurrent.atomic.LongAdder BUFFERED = new java.util.concurrent.atomic.LongAdder();
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
    BUFFERED.add(data.readableBytes());
    buffer.addComponent(true, data);
  }

  /** Bytes waiting in all readers of this process: what peers make us hold (a metric). */
  public static long totalBuffered() {
    return BUFFERED.sum();
  }

  /** The caller owns (and must release) a returned Message body. */
  public Result next() {
    int start = buffer.readerIndex();
    long len = Varint.read(buffer);
    if (len == Varint.INCOMPLETE) {
      return NEED_MORE;
    }
    if (len == Varint.MALFORMED) {
      buffer.readerIndex(start);
      return new Malformed();
    }
    if (len > maxLength) {
      buffer.readerIndex(start);
      return new TooLarge(len);
    }
    if (buffer.readableBytes() < len) {
      buffer.readerIndex(start);
      return NEED_MORE;
    }
    ByteBuf body = buffer.readBytes((int) len);
    BUFFERED.add(-(Varint.size(len) + len));
    buffer.discardReadComponents();
    return new Message(body);
  }

  /** Bytes after the messages read so far (for handing a stream over to the next protocol). */
  public ByteBuf takeRemainder() {
    BUFFERED.add(-buffer.readableBytes());
    return buffer.readBytes(buffer.readableBytes());
  }

  public int buffered() {
    return buffer.readableBytes();
  }

  public void release() {
    if (buffer.refCnt() > 0) {
      BUFFERED.add(-buffer.readableBytes());
      buffer.skipBytes(buffer.readableBytes());
      buffer.release();
    }
  }
}
