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
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The router's view of one peer; touched only on the router thread. What we send it is bounded
 * in bytes: before its stream is open, and while written but not yet in the socket. A peer that
 * lets more pile up than that does not read, and is disconnected.
 */
final class GossipPeer {
  static final long MAX_UNSENT_BYTES = 32L << 20;
  final PeerId id;
  final boolean outbound;
  final Set<String> topics = new HashSet<>();
  final PeerScore score;
  private MuxedStream stream;
  private final List<byte[]> queued = new ArrayList<>();
  private long queuedBytes;
  /** Bytes handed to the stream whose write has not completed; completions come from the event loop. */
  private final AtomicLong unsent = new AtomicLong();
  private final Consumer<String> disconnect;
  private boolean cutOff;

  GossipPeer(PeerId id, boolean outbound, GossipsubParams params, Consumer<String> disconnect) {
    this.id = id;
    this.outbound = outbound;
    this.score = new PeerScore(params);
    this.disconnect = disconnect;
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
    if (cutOff) {
      return;
    }
    if (stream == null) {
      queuedBytes += body.length;
      if (queuedBytes > MAX_UNSENT_BYTES) {
        cutOff(queuedBytes + " bytes wait for its gossip stream to open");
        return;
      }
      queued.add(body);
      return;
    }
    write(body);
  }

  void attach(MuxedStream s) {
    this.stream = s;
    queued.forEach(this::write);
    queued.clear();
    queuedBytes = 0;
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
    if (cutOff) {
      return;
    }
    long pending = unsent.addAndGet(body.length);
    if (pending > MAX_UNSENT_BYTES) {
      cutOff(pending + " bytes of gossip not yet read");
      return;
    }
    ByteBuf header = Unpooled.buffer(5);
    Varint.write(header, body.length);
    stream.write(Unpooled.wrappedBuffer(header, Unpooled.wrappedBuffer(body)))
        .whenComplete((v, e) -> unsent.addAndGet(-body.length));
  }

  private void cutOff(String reason) {
    cutOff = true;
    queued.clear();
    queuedBytes = 0;
    disconnect.accept("gossip peer does not read: " + reason);
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
