package io.gridchain.p2p.identify;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code Identify { publicKey = 1; listenAddrs = 2; protocols = 3; observedAddr = 4;
 * protocolVersion = 5; agentVersion = 6; signedPeerRecord = 8; }}. Addresses stay in binary
 * multiaddr form here; the signed peer record is read past, not checked.
 */
public record IdentifyMessage(
    String protocolVersion,
    String agentVersion,
    byte[] publicKey,
    List<byte[]> listenAddrs,
    byte[] observedAddr,
    List<String> protocols) {
  public static final int MAX_SIZE = 64 * 1024;
  private static final int MAX_ENTRIES = 256;

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      if (publicKey != null) {
        out.writeByteArray(1, publicKey);
      }
      for (byte[] a : listenAddrs) {
        out.writeByteArray(2, a);
      }
      for (String p : protocols) {
        out.writeString(3, p);
      }
      if (observedAddr != null) {
        out.writeByteArray(4, observedAddr);
      }
      out.writeString(5, protocolVersion);
      out.writeString(6, agentVersion);
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** @throws IllegalArgumentException for malformed input or more than 256 addresses/protocols */
  public static IdentifyMessage decode(byte[] data) {
    String pv = "";
    String av = "";
    byte[] key = null;
    byte[] observed = null;
    List<byte[]> addrs = new ArrayList<>();
    List<String> protocols = new ArrayList<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(data);
      for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
        switch (tag) {
          case 10 -> key = in.readByteArray();
          case 18 -> addrs.add(in.readByteArray());
          case 26 -> protocols.add(in.readString());
          case 34 -> observed = in.readByteArray();
          case 42 -> pv = in.readString();
          case 50 -> av = in.readString();
          default -> in.skipField(tag);
        }
        if (addrs.size() > MAX_ENTRIES || protocols.size() > MAX_ENTRIES) {
          throw new IllegalArgumentException("identify message lists too many entries");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed identify message: " + e.getMessage(), e);
    }
    return new IdentifyMessage(pv, av, key, addrs, observed, protocols);
  }
}
