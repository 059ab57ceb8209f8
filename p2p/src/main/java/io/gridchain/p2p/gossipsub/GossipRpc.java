package io.gridchain.p2p.gossipsub;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The pubsub RPC: subscriptions, published messages, and gossipsub control (IHAVE, IWANT, GRAFT,
 * PRUNE). IDONTWANT (v1.2) is read past: we speak v1.1.
 */
public record GossipRpc(
    List<Subscription> subscriptions, List<PubsubMessage> publish,
    List<IHave> ihave, List<IWant> iwant, List<String> graft, List<Prune> prune) {

  public record Subscription(boolean subscribe, String topic) {}

  public record IHave(String topic, List<byte[]> messageIds) {}

  public record IWant(List<byte[]> messageIds) {}

  public record Prune(String topic, long backoffSeconds) {}

  /** Bounds on what one decoded RPC may hold. */
  public record Limits(int maxSubscriptions, int maxMessages, int maxIds) {
    public static final Limits DEFAULT = new Limits(1024, 1024, 5000);
  }

  public static GossipRpc empty() {
    return new GossipRpc(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
  }

  public boolean isEmpty() {
    return subscriptions.isEmpty() && publish.isEmpty() && !hasControl();
  }

  boolean hasControl() {
    return !ihave.isEmpty() || !iwant.isEmpty() || !graft.isEmpty() || !prune.isEmpty();
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes, 8192);
    try {
      for (Subscription s : subscriptions) {
        out.writeByteArray(1, sub(s));
      }
      for (PubsubMessage m : publish) {
        out.writeByteArray(2, m.encode());
      }
      if (hasControl()) {
        out.writeByteArray(3, control());
      }
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] sub(Subscription s) throws IOException {
    return build(out -> {
      out.writeBool(1, s.subscribe());
      out.writeString(2, s.topic());
    });
  }

  private byte[] control() throws IOException {
    return build(out -> {
      for (IHave h : ihave) {
        out.writeByteArray(1, build(o -> {
          o.writeString(1, h.topic());
          for (byte[] id : h.messageIds()) {
            o.writeByteArray(2, id);
          }
        }));
      }
      for (IWant w : iwant) {
        out.writeByteArray(2, build(o -> {
          for (byte[] id : w.messageIds()) {
            o.writeByteArray(1, id);
          }
        }));
      }
      for (String g : graft) {
        out.writeByteArray(3, build(o -> o.writeString(1, g)));
      }
      for (Prune p : prune) {
        out.writeByteArray(4, build(o -> {
          o.writeString(1, p.topic());
          o.writeUInt64(3, p.backoffSeconds());
        }));
      }
    });
  }

  private interface Writer {
    void write(CodedOutputStream out) throws IOException;
  }

  private static byte[] build(Writer w) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    w.write(out);
    out.flush();
    return bytes.toByteArray();
  }

  /** @throws IOException for malformed input or input beyond the limits */
  public static GossipRpc decode(byte[] data, Limits limits) throws IOException {
    GossipRpc rpc = empty();
    GossipRpcDecoder d = new GossipRpcDecoder(rpc, limits);
    d.decode(CodedInputStream.newInstance(data));
    return rpc;
  }
}
