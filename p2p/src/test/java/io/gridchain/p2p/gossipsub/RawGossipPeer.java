package io.gridchain.p2p.gossipsub;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.host.HostConfig;
import io.gridchain.p2p.host.Libp2pHost;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.gridchain.p2p.wire.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test peer that speaks gossipsub RPCs by hand on a real host: it sends whatever RPC a test
 * builds (no router of its own to keep it honest) and records every RPC the victim sends it.
 */
final class RawGossipPeer implements AutoCloseable {
  final PrivateKey key = PrivateKey.generate(KeyType.ED25519);
  final Libp2pHost host = new Libp2pHost(HostConfig.builder(key).build());
  final BlockingQueue<GossipRpc> received = new LinkedBlockingQueue<>();
  Connection connection;
  MuxedStream out;

  RawGossipPeer() throws InterruptedException {
    host.protocols().register(GossipsubRouter.MESHSUB_11, (s, p) -> new RpcReader(s, 64 << 20, new GossipRpc.Limits(100_000, 100_000, 100_000),
        (st, rpc) -> received.add(rpc), (st, reason) -> { }, st -> { }));
    host.start();
  }

  PeerId id() {
    return host.localPeer();
  }

  /** Connects and opens our gossip stream to the victim. */
  RawGossipPeer connect(Multiaddr victim) throws Exception {
    connection = host.dial(victim).get(10, TimeUnit.SECONDS);
    out = connection.openStream(List.of(GossipsubRouter.MESHSUB_11), (s, p) -> new Discard(s)).get(10, TimeUnit.SECONDS).stream;
    return this;
  }

  CompletableFuture<Void> send(GossipRpc rpc) {
    return sendBytes(rpc.encode());
  }

  CompletableFuture<Void> sendBytes(byte[] body) {
    ByteBuf b = Unpooled.buffer(body.length + 5);
    Varint.write(b, body.length);
    b.writeBytes(body);
    return out.write(b);
  }

  /** A message signed with this peer's key, as a router would publish it. */
  PubsubMessage signed(String topic, byte[] data, long seqno) {
    byte[] seq = java.nio.ByteBuffer.allocate(8).putLong(seqno).array();
    return MessageSigning.sign(key, new PubsubMessage(id().toBytes(), data, seq, topic, null, null));
  }

  static GossipRpc subscribe(String... topics) {
    GossipRpc rpc = GossipRpc.empty();
    for (String t : topics) {
      rpc.subscriptions().add(new GossipRpc.Subscription(true, t));
    }
    return rpc;
  }

  /** Published messages received within the wait, counted across RPCs. */
  int drainPublished(long waitMillis) throws InterruptedException {
    int n = 0;
    long deadline = System.currentTimeMillis() + waitMillis;
    while (true) {
      long left = deadline - System.currentTimeMillis();
      GossipRpc rpc = left <= 0 ? received.poll() : received.poll(left, TimeUnit.MILLISECONDS);
      if (rpc == null) {
        return n;
      }
      n += rpc.publish().size();
    }
  }

  static final class Discard implements StreamHandler {
    final MuxedStream stream;

    Discard(MuxedStream stream) {
      this.stream = stream;
    }

    @Override
    public void onData(MuxedStream s, ByteBuf data) {
      data.release();
    }
  }

  @Override
  public void close() {
    host.close();
  }
}
