package io.gridchain.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.RequestLimits;
import io.gridchain.p2p.RequestResponseProtocol;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.interop.Poll;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.gridchain.p2p.wire.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request/response deadline covers the whole exchange, not only reading the request. */
class RequestDeadlineTest {
  @Test
  void aRequesterThatNeverReadsTheResponseIsCutOffAtTheDeadline() throws Exception {
    RequestLimits limits = new RequestLimits(1024, 16 << 20, Duration.ofSeconds(1), 8);
    try (Libp2pNetwork victim = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build());
        Libp2pNetwork reader = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build())) {
      victim.registerProtocol(new RequestResponseProtocol() {
        public String protocolId() { return "/test/big/1"; }
        public RequestLimits limits() { return limits; }
        public CompletableFuture<byte[]> handle(PeerId from, byte[] request) {
          return CompletableFuture.completedFuture(new byte[12 << 20]); // beyond window and socket buffers
        }
      });
      reader.dial(victim.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
      TcpConnection mine = (TcpConnection) reader.host().connection(victim.localPeerId()).orElseThrow();
      long until = System.nanoTime() + 10_000_000_000L; // the dialled side registers the connection a moment later
      while (victim.host().connection(reader.localPeerId()).isEmpty() && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      TcpConnection victimSide = (TcpConnection) victim.host().connection(reader.localPeerId()).orElseThrow();
      Thread.sleep(500); // identify and the gossip streams settle
      int before = victimSide.session().openStreams(); // the long-lived gossip streams
      MuxedStream s = mine.openStream(List.of("/test/big/1"), (st, p) -> new Sink(st)).get(10, TimeUnit.SECONDS).stream;
      ByteBuf req = Unpooled.buffer();
      Varint.write(req, 1);
      req.writeByte(7);
      s.write(req).get(5, TimeUnit.SECONDS);
      s.closeWrite();
      mine.channel().config().setAutoRead(false); // we never read the response
      Poll.until(() -> victimSide.session().openStreams() > before ? true : null, Duration.ofSeconds(5));
      long start = System.nanoTime();
      Poll.until(() -> victimSide.session().openStreams() == before ? true : null, Duration.ofSeconds(8));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  private static final class Sink implements StreamHandler {
    final MuxedStream stream;

    Sink(MuxedStream stream) {
      this.stream = stream;
    }

    @Override
    public void onData(MuxedStream s, ByteBuf data) {
      data.release();
    }
  }
}
