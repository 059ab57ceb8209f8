package io.gridchain.p2p.gossipsub;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads an RPC into lists, counting entries so a peer cannot make one RPC arbitrarily costly. */
final class GossipRpcDecoder {
  private final GossipRpc rpc;
  private final GossipRpc.Limits limits;
  private int ids;

  GossipRpcDecoder(GossipRpc rpc, GossipRpc.Limits limits) {
    this.rpc = rpc;
    this.limits = limits;
  }

  void decode(CodedInputStream in) throws IOException {
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 10 -> {
          check(rpc.subscriptions().size() < limits.maxSubscriptions(), "too many subscriptions");
          rpc.subscriptions().add(subscription(CodedInputStream.newInstance(in.readByteArray())));
        }
        case 18 -> {
          check(rpc.publish().size() < limits.maxMessages(), "too many messages");
          rpc.publish().add(PubsubMessage.decode(CodedInputStream.newInstance(in.readByteArray())));
        }
        case 26 -> control(CodedInputStream.newInstance(in.readByteArray()));
        default -> in.skipField(tag);
      }
    }
  }

  private static GossipRpc.Subscription subscription(CodedInputStream in) throws IOException {
    boolean sub = false;
    String topic = null;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 8 -> sub = in.readBool();
        case 18 -> topic = in.readString();
        default -> in.skipField(tag);
      }
    }
    if (topic == null) {
      throw new IOException("subscription without topic");
    }
    return new GossipRpc.Subscription(sub, topic);
  }

  private void control(CodedInputStream in) throws IOException {
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      CodedInputStream sub = tag == 10 || tag == 18 || tag == 26 || tag == 34 ? CodedInputStream.newInstance(in.readByteArray()) : null;
      switch (tag) {
        case 10 -> rpc.ihave().add(ihave(sub));
        case 18 -> rpc.iwant().add(new GossipRpc.IWant(idList(sub, 10)));
        case 26 -> rpc.graft().add(topicOf(sub));
        case 34 -> rpc.prune().add(prune(sub));
        default -> in.skipField(tag); // IDONTWANT and anything newer
      }
      check(rpc.graft().size() + rpc.prune().size() < limits.maxSubscriptions(), "too many GRAFT/PRUNE");
    }
  }

  private GossipRpc.IHave ihave(CodedInputStream in) throws IOException {
    String topic = "";
    List<byte[]> list = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 10 -> topic = in.readString();
        case 18 -> list.add(id(in));
        default -> in.skipField(tag);
      }
    }
    return new GossipRpc.IHave(topic, list);
  }

  private List<byte[]> idList(CodedInputStream in, int idTag) throws IOException {
    List<byte[]> list = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == idTag) {
        list.add(id(in));
      } else {
        in.skipField(tag);
      }
    }
    return list;
  }

  private byte[] id(CodedInputStream in) throws IOException {
    check(++ids <= limits.maxIds(), "too many message ids");
    return in.readByteArray();
  }

  private static String topicOf(CodedInputStream in) throws IOException {
    String topic = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      if (tag == 10) {
        topic = in.readString();
      } else {
        in.skipField(tag);
      }
    }
    return topic;
  }

  private static GossipRpc.Prune prune(CodedInputStream in) throws IOException {
    String topic = "";
    long backoff = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag) {
        case 10 -> topic = in.readString();
        case 24 -> backoff = in.readUInt64();
        default -> in.skipField(tag); // peer exchange: not used in a permissioned network
      }
    }
    return new GossipRpc.Prune(topic, backoff);
  }

  private static void check(boolean ok, String what) throws IOException {
    if (!ok) {
      throw new IOException(what);
    }
  }
}
