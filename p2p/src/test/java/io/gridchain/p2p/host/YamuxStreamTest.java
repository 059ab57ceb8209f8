package io.gridchain.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streams over real Noise and yamux: flow control past the window, half-close, reset. */
class YamuxStreamTest {
  static final String ECHO = "/test/echo/1.0.0";
  static final String RESET = "/test/reset/1.0.0";
  Libp2pNetwork server;
  Libp2pNetwork client;
  Connection conn;

  @BeforeEach
  void connect() throws Exception {
    server = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.ED25519)).build());
    client = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build());
    server.host().protocols().register(ECHO, (s, p) -> new Echo());
    server.host().protocols().register(RESET, (s, p) -> (st, data) -> {
      data.release();
      st.reset();
    });
    client.dial(server.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    conn = client.host().connection(server.localPeerId()).orElseThrow();
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void twentyMegabytesEchoIntactAcrossManyWindowsThenHalfClose() throws Exception {
    byte[] data = new byte[20 << 20];
    new Random(7).nextBytes(data);
    Collector back = conn.openStream(List.of(ECHO), (s, p) -> Collector.on(s)).get(5, TimeUnit.SECONDS);
    MuxedStream s = back.stream.get(5, TimeUnit.SECONDS);
    for (int off = 0; off < data.length; off += 1 << 20) {
      s.write(Unpooled.wrappedBuffer(data, off, 1 << 20));
    }
    s.closeWrite();
    byte[] echoed = back.done.get(30, TimeUnit.SECONDS);
    assertThat(MessageDigest.getInstance("SHA-256").digest(echoed))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(data));
  }

  @Test
  void aResetReachesTheOtherSide() throws Exception {
    Collector c = conn.openStream(List.of(RESET), (s, p) -> Collector.on(s)).get(5, TimeUnit.SECONDS);
    c.stream.get(5, TimeUnit.SECONDS).write(Unpooled.wrappedBuffer(new byte[] {1}));
    assertThat(c.done).failsWithin(5, TimeUnit.SECONDS);
  }

  @Test
  void anUnsupportedProtocolFailsTheOpen() {
    assertThat(conn.openStream(List.of("/nobody/1.0.0"), (s, p) -> Collector.on(s))).failsWithin(5, TimeUnit.SECONDS);
  }

  @Test
  void manyConcurrentStreamsEachKeepTheirOwnBytes() throws Exception {
    List<CompletableFuture<byte[]>> results = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Collector c = conn.openStream(List.of(ECHO), (s, p) -> Collector.on(s)).get(5, TimeUnit.SECONDS);
      MuxedStream s = c.stream.get(5, TimeUnit.SECONDS);
      s.write(Unpooled.wrappedBuffer(("stream " + i).getBytes()));
      s.closeWrite();
      results.add(c.done);
    }
    for (int i = 0; i < 50; i++) {
      assertThat(new String(results.get(i).get(10, TimeUnit.SECONDS))).isEqualTo("stream " + i);
    }
  }

  private static final class Echo implements StreamHandler {
    @Override
    public void onData(MuxedStream stream, ByteBuf data) {
      stream.write(data);
    }

    @Override
    public void onRemoteClose(MuxedStream stream) {
      stream.closeWrite();
    }
  }

  /** Gathers what comes back until the remote half-closes; a reset fails it. */
  private static final class Collector implements StreamHandler {
    final CompletableFuture<MuxedStream> stream = new CompletableFuture<>();
    final CompletableFuture<byte[]> done = new CompletableFuture<>();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    static Collector on(MuxedStream s) {
      Collector c = new Collector();
      c.stream.complete(s);
      return c;
    }

    @Override
    public void onData(MuxedStream s, ByteBuf data) {
      byte[] b = new byte[data.readableBytes()];
      data.readBytes(b).release();
      bytes.writeBytes(b);
    }

    @Override
    public void onRemoteClose(MuxedStream s) {
      done.complete(bytes.toByteArray());
    }

    @Override
    public void onClosed(MuxedStream s) {
      done.completeExceptionally(new IllegalStateException("reset"));
    }
  }
}
