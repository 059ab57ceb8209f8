package io.gridchain.p2p.gossipsub;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.wire.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The router's view of one peer; touched only on the router thread. */
final class GossipPeer {
  private static final int MAX_QUEUED = 256;
  final PeerId id;
  final boolean outbound;
  final Set<String> topics = new HashSet<>();
  final PeerScore score;
  private MuxedStream stream;
  private final List<byte[]> queued = new ArrayList<>();

  GossipPeer(PeerId id, boolean outbound, GossipsubParams params) {
    this.id = id;
    this.outbound = outbound;
    this.score = new PeerScore(params);
  }

  /** RPCs wait until our outbound stream to the peer is negotiated. */
  void send(GossipRpc rpc) {
    if (rpc.isEmpty()) {
      return;
    }
    sendEncoded(rpc.encode());
  }

  /** An RPC encoded once for all the peers it goes to (a publish or a forward). */
  void sendEncoded(byte[] body) {
    if (stream == null) {
      if (queued.size() < MAX_QUEUED) {
        queued.add(body);
      }
      return;
    }
    write(body);
  }

  void attach(MuxedStream s) {
    this.stream = s;
    queued.forEach(this::write);
    queued.clear();
  }

  void detach(MuxedStream s) {
    if (stream == s) {
      stream = null;
    }
  }

  boolean hasStream() {
    return stream != null;
  }

  private void write(byte[] body) {
    ByteBuf header = Unpooled.buffer(5);
    Varint.write(header, body.length);
    stream.write(Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(body)));
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
