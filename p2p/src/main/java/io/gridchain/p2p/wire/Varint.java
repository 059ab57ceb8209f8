package io.gridchain.p2p.wire;

import io.netty.buffer.ByteBuf;

/** Unsigned LEB128 varints, as multistream-select and length-prefixed protocols frame messages. */
public final class Varint {
  /** Returned by {@link #read} when the buffer does not yet hold the whole varint. */
  public static final long INCOMPLETE = -1;
  /**
   * Returned by {@link #read} when the varint is longer than 9 bytes (not a length), or is not
   * minimally encoded (a last byte of 0 after continuation bytes): the multiformats unsigned-varint
   * spec requires the minimal form, so that one length has one encoding.
   */
  public static final long MALFORMED = -2;

  private Varint() {}

  /** Reads at the reader index; on INCOMPLETE the reader index is left unchanged. */
  public static long read(ByteBuf in) {
    int start = in.readerIndex();
    long result = 0;
    for (int i = 0; i < 9; i++) {
      if (!in.isReadable()) {
        in.readerIndex(start);
        return INCOMPLETE;
      }
      int b = in.readUnsignedByte();
      result |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return b == 0 && i > 0 ? MALFORMED : result;
      }
    }
    return MALFORMED;
  }

  public static void write(ByteBuf out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.writeByte((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  public static int size(long value) {
    int n = 1;
    while ((value & ~0x7FL) != 0) {
      value >>>= 7;
      n++;
    }
    return n;
  }
}
