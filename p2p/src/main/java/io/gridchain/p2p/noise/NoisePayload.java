package io.gridchain.p2p.noise;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code NoiseHandshakePayload { bytes identity_key = 1; bytes identity_sig = 2;
 * NoiseExtensions extensions = 4; }} with {@code NoiseExtensions { repeated string stream_muxers = 2; }}.
 * An empty muxer list is encoded as no extensions at all.
 */
public record NoisePayload(byte[] identityKey, byte[] identitySig, List<String> streamMuxers) {
  private static final int MAX_PAYLOAD = 8192;
  private static final int MAX_MUXERS = 16;

  public NoisePayload {
    streamMuxers = List.copyOf(streamMuxers);
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeByteArray(1, identityKey);
      out.writeByteArray(2, identitySig);
      if (!streamMuxers.isEmpty()) {
        out.writeByteArray(4, encodeExtensions());
      }
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private byte[] encodeExtensions() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (String m : streamMuxers) {
      out.writeString(2, m);
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** @throws IllegalArgumentException for malformed or oversized input */
  public static NoisePayload decode(byte[] data) {
    if (data.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("Noise payload too large: " + data.length);
    }
    byte[] key = null;
    byte[] sig = null;
    List<String> muxers = new ArrayList<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(data);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag) {
          case 10 -> key = in.readByteArray();
          case 18 -> sig = in.readByteArray();
          case 34 -> decodeExtensions(in.readByteArray(), muxers);
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed Noise payload: " + e.getMessage(), e);
    }
    if (key == null || sig == null) {
      throw new IllegalArgumentException("Noise payload lacks identity key or signature");
    }
    return new NoisePayload(key, sig, muxers);
  }

  private static void decodeExtensions(byte[] data, List<String> muxers) throws IOException {
    CodedInputStream in = CodedInputStream.newInstance(data);
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == 18) {
        if (muxers.size() >= MAX_MUXERS) {
          throw new IOException("too many stream muxers");
        }
        muxers.add(in.readString());
      } else {
        in.skipField(tag);
      }
    }
  }
}
