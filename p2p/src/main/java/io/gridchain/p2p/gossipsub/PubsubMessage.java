package io.gridchain.p2p.gossipsub;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.IOException;

/**
 * {@code Message { from = 1; data = 2; seqno = 3; topic = 4; signature = 5; key = 6; }}. Any field
 * but topic may be null. The signature covers this encoding without signature and key.
 */
public record PubsubMessage(byte[] from, byte[] data, byte[] seqno, String topic, byte[] signature, byte[] key) {

  public PubsubMessage withSignature(byte[] sig, byte[] publicKey) {
    return new PubsubMessage(from, data, seqno, topic, sig, publicKey);
  }

  public byte[] encode() {
    return encode(true);
  }

  /** The bytes that are signed (after the "libp2p-pubsub:" prefix). */
  byte[] encodeForSigning() {
    return encode(false);
  }

  // Sized first and written into one exact array: a stream encoder allocated a 4 KiB buffer, a
  // growing array and a copy per message, on the path of every signature made and checked.
  private byte[] encode(boolean withSignature) {
    int size = bytesSize(1, from) + bytesSize(2, data) + bytesSize(3, seqno) + CodedOutputStream.computeStringSize(4, topic);
    if (withSignature) {
      size += bytesSize(5, signature) + bytesSize(6, key);
    }
    byte[] bytes = new byte[size];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      writeBytes(out, 1, from);
      writeBytes(out, 2, data);
      writeBytes(out, 3, seqno);
      out.writeString(4, topic);
      if (withSignature) {
        writeBytes(out, 5, signature);
        writeBytes(out, 6, key);
      }
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes;
  }

  private static int bytesSize(int field, byte[] v) {
    return v == null ? 0 : CodedOutputStream.computeByteArraySize(field, v);
  }

  private static void writeBytes(CodedOutputStream out, int field, byte[] v) throws IOException {
    if (v != null) {
      out.writeByteArray(field, v);
    }
  }

  static PubsubMessage decode(CodedInputStream in) throws IOException {
    byte[] from = null;
    byte[] data = null;
    byte[] seqno = null;
    String topic = null;
    byte[] sig = null;
    byte[] key = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 10 -> from = in.readByteArray();
        case 18 -> data = in.readByteArray();
        case 26 -> seqno = in.readByteArray();
        case 34 -> topic = in.readString();
        case 42 -> sig = in.readByteArray();
        case 50 -> key = in.readByteArray();
        default -> in.skipField(tag);
      }
    }
    if (topic == null) {
      throw new IOException("message without topic");
    }
    return new PubsubMessage(from, data == null ? new byte[0] : data, seqno, topic, sig, key);
  }
}
