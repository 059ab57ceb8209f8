package io.gridchain.p2p.yamux;

import io.netty.buffer.ByteBuf;

/** The 12-byte yamux header: version, type, flags, stream id, length (hashicorp spec). */
record YamuxFrame(int type, int flags, int streamId, long length) {
  static final int HEADER = 12;
  static final int DATA = 0;
  static final int WINDOW_UPDATE = 1;
  static final int PING = 2;
  static final int GO_AWAY = 3;
  static final int SYN = 1;
  static final int ACK = 2;
  static final int FIN = 4;
  static final int RST = 8;
  static final int GO_AWAY_NORMAL = 0;
  static final int GO_AWAY_PROTOCOL_ERROR = 1;
  static final int GO_AWAY_INTERNAL_ERROR = 2;
  static final int INITIAL_WINDOW = 256 * 1024;

  /** Reads a header at the reader index without moving it; null when the version is unknown. */
  static YamuxFrame peek(ByteBuf in) {
    int i = in.readerIndex();
    if (in.getUnsignedByte(i) != 0) {
      return null;
    }
    return new YamuxFrame(in.getUnsignedByte(i + 1), in.getUnsignedShort(i + 2), in.getInt(i + 4), in.getUnsignedInt(i + 8));
  }

  static void write(ByteBuf out, int type, int flags, int streamId, long length) {
    out.writeByte(0);
    out.writeByte(type);
    out.writeShort(flags);
    out.writeInt(streamId);
    out.writeInt((int) length);
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }
}
