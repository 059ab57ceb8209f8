package io.gridchain.p2p.ping;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.host.Libp2pHost;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** /ipfs/ping/1.0.0: echoes 32-byte payloads; {@link #ping} measures a round trip. */
public final class PingService {
  public static final String PROTOCOL = "/ipfs/ping/1.0.0";
  static final int SIZE = 32;
  private final Libp2pHost host;
  private final SecureRandom random = new SecureRandom();

  public PingService(Libp2pHost host) {
    this.host = host;
    host.protocols().register(PROTOCOL, (stream, p) -> new Echo());
  }

  public CompletableFuture<Duration> ping(PeerId peer, Duration timeout) {
    var conn = host.connection(peer);
    if (conn.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + peer));
    }
    byte[] payload = new byte[SIZE];
    random.nextBytes(payload);
    CompletableFuture<Duration> result = new CompletableFuture<>();
    conn.get().openStream(List.of(PROTOCOL), (stream, p) -> {
      Waiter w = new Waiter(payload, result);
      stream.write(Unpooled.wrappedBuffer(payload.clone()));
      return w;
    }).exceptionally(e -> {
          result.completeExceptionally(e);
          return null;
        });
    return result.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The responder: every 32 bytes in go back out, until the remote closes. */
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

  private static final class Waiter implements StreamHandler {
    private final byte[] payload;
    private final CompletableFuture<Duration> result;
    private final ByteBuf received = Unpooled.buffer(SIZE);
    private final long start = System.nanoTime();

    Waiter(byte[] payload, CompletableFuture<Duration> result) {
      this.payload = payload;
      this.result = result;
    }

    @Override
    public void onData(MuxedStream s, ByteBuf data) {
      received.writeBytes(data, Math.min(data.readableBytes(), received.writableBytes()));
      data.release();
      if (received.readableBytes() == SIZE) {
        byte[] echo = new byte[SIZE];
        received.readBytes(echo);
        if (Arrays.equals(echo, payload)) {
          result.complete(Duration.ofNanos(System.nanoTime() - start));
        } else {
          result.completeExceptionally(new IllegalStateException("ping answer differs from what we sent"));
        }
        s.closeWrite();
      }
    }

    @Override
    public void onClosed(MuxedStream s) {
      result.completeExceptionally(new IllegalStateException("ping stream closed before the answer"));
    }
  }
}
