package io.gridchain.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.interop.Poll;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.gridchain.p2p.wire.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A misbehaving peer loses its connection, with a logged reason; the host keeps serving others
 * and what one connection can make it hold stays bounded.
 */
class BadInputTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  Libp2pNetwork victim;
  InetSocketAddress victimAddr;
  final List<AutoCloseable> others = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    victim = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1))
        .handshakeTimeout(Duration.ofSeconds(1)).build());
    victimAddr = victim.listenAddresses().get(0).toSocketAddress().orElseThrow();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : others) {
      c.close();
    }
    victim.close();
  }

  @Test
  void garbageBeforeTheHandshakeIsCutOff() throws Exception {
    try (Socket s = new Socket(victimAddr.getAddress(), victimAddr.getPort())) {
      s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertClosedWithin(s, WAIT);
    }
    assertStillServes();
  }

  @Test
  void garbageDuringTheNoiseHandshakeIsCutOff() throws Exception {
    try (Socket s = new Socket(victimAddr.getAddress(), victimAddr.getPort())) {
      OutputStream out = s.getOutputStream();
      out.write(mss("/multistream/1.0.0", "/noise"));
      out.write(new byte[] {0, 32});
      out.write(new byte[32]); // an all-zero ephemeral key: no valid Diffie-Hellman result
      out.write(new byte[] {0, 100});
      out.write(new byte[100]);
      assertClosedWithin(s, WAIT);
    }
    assertStillServes();
  }

  @Test
  void aSlowLorisIsDroppedAtTheHandshakeTimeout() throws Exception {
    try (Socket s = new Socket(victimAddr.getAddress(), victimAddr.getPort())) {
      OutputStream out = s.getOutputStream();
      byte[] hello = mss("/multistream/1.0.0", "/noise");
      long start = System.nanoTime();
      s.setSoTimeout(200);
      boolean closed = false;
      for (int i = 0; i < hello.length && !closed; i++) {
        out.write(hello[i]);
        out.flush();
        closed = closedOrIdle(s);
      }
      assertClosedWithin(s, WAIT);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
    assertStillServes();
  }

  @Test
  void dialingTheWrongPeerIdFailsWithTheReason() throws Exception {
    PeerId impostor = PeerId.fromPublicKey(PrivateKey.generate(KeyType.ED25519).publicKey());
    Libp2pNetwork dialer = other();
    Multiaddr wrong = victim.listenAddresses().get(0).withPeerId(impostor);
    assertThatThrownBy(() -> dialer.dial(wrong).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("expected peer " + impostor + " but the remote proved to be " + victim.localPeerId());
    assertStillServes();
  }

  @Test
  void aYamuxWindowOverrunClosesTheConnection() throws Exception {
    Connection c = attacker();
    ByteBuf frame = Unpooled.buffer();
    yamux(frame, 1, 1, 999, 1); // WindowUpdate SYN: open stream 999
    yamux(frame, 0, 0, 999, 64L * 1024 * 1024); // a 64 MiB data frame on a 4 MiB window
    raw(c).writeAndFlush(frame);
    Poll.until(() -> c.isOpen() ? null : true, WAIT);
    assertStillServes();
  }

  @Test
  void anUnknownYamuxFrameTypeClosesTheConnection() throws Exception {
    Connection c = attacker();
    ByteBuf frame = Unpooled.buffer();
    yamux(frame, 9, 0, 1, 0);
    raw(c).writeAndFlush(frame);
    Poll.until(() -> c.isOpen() ? null : true, WAIT);
    assertStillServes();
  }

  @Test
  void tooManyStreamsCloseTheConnection() throws Exception {
    Connection c = attacker();
    ByteBuf frames = Unpooled.buffer();
    for (int i = 0; i < 300; i++) {
      yamux(frames, 1, 1, 1001 + 2 * i, 0); // SYN, odd ids: the dialer's parity
    }
    raw(c).writeAndFlush(frames);
    Poll.until(() -> c.isOpen() ? null : true, WAIT);
    assertStillServes();
  }

  @Test
  void aStreamOpenedWithTheVictimsParityClosesTheConnection() throws Exception {
    Connection c = attacker();
    ByteBuf frame = Unpooled.buffer();
    yamux(frame, 1, 1, 2, 0);
    raw(c).writeAndFlush(frame);
    Poll.until(() -> c.isOpen() ? null : true, WAIT);
  }

  /**
   * 64 gossip streams each start a 4 MiB RPC and send 1 MiB of it. Kept all, that is 64 MiB;
   * the victim keeps two inbound gossip streams per peer, so it holds two (the rest of the
   * heap growth is allocator pools, whatever the volume).
   */
  @Test
  void memoryHeldForOneConnectionStaysBounded() throws Exception {
    Connection c = attacker();
    long before = usedHeapAfterGc();
    long readersBefore = io.gridchain.p2p.wire.LengthPrefixedReader.totalBuffered();
    byte[] chunk = new byte[1 << 20];
    for (int i = 0; i < 64; i++) {
      MuxedStream s = c.openStream(List.of("/meshsub/1.1.0"), (stream, p) -> new Sink(stream)).get(5, TimeUnit.SECONDS).stream;
      ByteBuf partial = Unpooled.buffer();
      Varint.write(partial, 4 << 20);
      partial.writeBytes(chunk);
      s.write(partial).get(5, TimeUnit.SECONDS);
    }
    Thread.sleep(300);
    long held = io.gridchain.p2p.wire.LengthPrefixedReader.totalBuffered() - readersBefore;
    assertThat(held).as("bytes held by stream readers").isBetween(2L << 20, (2L << 20) + 32);
    TcpConnection victimSide = (TcpConnection) victim.host().connection(attackerId).orElseThrow();
    assertThat(victimSide.session().openStreams()).isLessThan(8);
    long growth = usedHeapAfterGc() - before;
    assertThat(growth).as("heap growth in bytes, for 64 MiB sent").isLessThan(32L << 20);
    assertThat(c.isOpen()).isTrue();
    assertStillServes();
  }

  @Test
  void anOversizedGossipRpcResetsItsStreamAndCostsThePeerScore() throws Exception {
    Connection c = attacker();
    Sink sink = c.openStream(List.of("/meshsub/1.1.0"), (stream, p) -> new Sink(stream)).get(5, TimeUnit.SECONDS);
    ByteBuf huge = Unpooled.buffer();
    Varint.write(huge, 100L << 20); // announces 100 MiB; the limit is 4 MiB and a bit
    huge.writeBytes(new byte[1024]);
    sink.stream.write(huge);
    Poll.until(() -> victim.gossip().score(attackerId).join() < 0 ? true : null, WAIT);
    assertThat(c.isOpen()).isTrue();
    assertStillServes();
  }

  // ---- helpers ----

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

  private Libp2pNetwork other() throws Exception {
    Libp2pNetwork n = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.ED25519)).build());
    others.add(n);
    return n;
  }

  private PeerId attackerId;

  private Connection attacker() throws Exception {
    Libp2pNetwork a = other();
    attackerId = a.localPeerId();
    a.dial(victim.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    return a.host().connection(victim.localPeerId()).orElseThrow();
  }

  /** Writing on the channel skips our yamux: the bytes are only Noise-encrypted. */
  private static io.netty.channel.Channel raw(Connection c) {
    return ((TcpConnection) c).channel();
  }

  private static void yamux(ByteBuf out, int type, int flags, int stream, long length) {
    out.writeByte(0).writeByte(type).writeShort(flags).writeInt(stream).writeInt((int) length);
  }

  private void assertStillServes() throws Exception {
    Libp2pNetwork good = other();
    good.dial(victim.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    assertThat(good.ping(victim.localPeerId()).get(10, TimeUnit.SECONDS)).isPositive();
  }

  private static byte[] mss(String... names) {
    ByteBuf b = Unpooled.buffer();
    for (String n : names) {
      byte[] bytes = (n + "\n").getBytes(StandardCharsets.UTF_8);
      Varint.write(b, bytes.length);
      b.writeBytes(bytes);
    }
    byte[] out = new byte[b.readableBytes()];
    b.readBytes(out);
    return out;
  }

  private static boolean closedOrIdle(Socket s) throws IOException {
    try {
      InputStream in = s.getInputStream();
      while (true) {
        if (in.read() < 0) {
          return true;
        }
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  private static void assertClosedWithin(Socket s, Duration timeout) throws IOException {
    s.setSoTimeout((int) timeout.toMillis());
    InputStream in = s.getInputStream();
    try {
      byte[] buf = new byte[4096];
      while (in.read(buf) >= 0) {
        // the victim's own handshake bytes, until it closes
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("connection still open after " + timeout);
    } catch (IOException e) {
      // reset by the victim: closed too
    }
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
