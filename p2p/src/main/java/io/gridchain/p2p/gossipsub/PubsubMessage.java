package io.gridchain.p2p.gossipsub;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
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

  private byte[] encode(boolean withSignature) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(data == null ? 64 : data.length + 256);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 4096);
    try {
      writeBytes(out, 1, from);
      writeBytes(out, 2, data);
      writeBytes(out, 3, seqno);
      out.writeString(4, topic);
      if (withSignature) {
        writeBytes(out, 5, signature);
        writeBytes(out, 6, key);
      }
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
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
