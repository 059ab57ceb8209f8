package io.gridchain.p2p.gossipsub;

import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.gridchain.p2p.wire.LengthPrefixedReader;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the length-prefixed RPCs of a peer's inbound gossip stream. */
final class RpcReader implements StreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(RpcReader.class);
  private final LengthPrefixedReader reader;
  private final GossipRpc.Limits limits;
  private final BiConsumer<MuxedStream, GossipRpc> onRpc;
  private final BiConsumer<MuxedStream, String> onBad;
  private final java.util.function.Consumer<MuxedStream> onClosed;

  RpcReader(MuxedStream stream, int maxRpcBytes, GossipRpc.Limits limits,
      BiConsumer<MuxedStream, GossipRpc> onRpc, BiConsumer<MuxedStream, String> onBad,
      java.util.function.Consumer<MuxedStream> onClosed) {
    this.reader = new LengthPrefixedReader(stream.alloc(), maxRpcBytes);
    this.limits = limits;
    this.onRpc = onRpc;
    this.onBad = onBad;
    this.onClosed = onClosed;
  }

  @Override
  public void onData(MuxedStream stream, ByteBuf data) {
    reader.add(data);
    while (true) {
      LengthPrefixedReader.Result r = reader.next();
      if (r instanceof LengthPrefixedReader.NeedMore) {
        return;
      }
      if (!(r instanceof LengthPrefixedReader.Message m)) {
        bad(stream, "gossip RPC frame " + r);
        return;
      }
      byte[] bytes = new byte[m.body().readableBytes()];
      m.body().readBytes(bytes).release();
      try {
        onRpc.accept(stream, GossipRpc.decode(bytes, limits));
      } catch (IOException | RuntimeException e) {
        bad(stream, "undecodable gossip RPC: " + e.getMessage());
        return;
      }
    }
  }

  private void bad(MuxedStream stream, String reason) {
    LOG.info("resetting gossip stream from {}: {}", stream.connection().remotePeer(), reason);
    reader.release();
    stream.reset();
    onBad.accept(stream, reason);
  }

  @Override
  public void onClosed(MuxedStream stream) {
    reader.release();
    onClosed.accept(stream);
  }
}
