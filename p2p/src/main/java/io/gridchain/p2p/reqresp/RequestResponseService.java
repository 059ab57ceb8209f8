package io.gridchain.p2p.reqresp;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.RequestLimits;
import io.gridchain.p2p.RequestResponseProtocol;
import io.gridchain.p2p.host.Libp2pHost;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.gridchain.p2p.wire.LengthPrefixedReader;
import io.gridchain.p2p.wire.Varint;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and one response per stream, each varint-length-prefixed; the requester
 * half-closes after its request, the responder after its response.
 */
public final class RequestResponseService {
  private static final Logger LOG = LoggerFactory.getLogger(RequestResponseService.class);
  private final Libp2pHost host;
  private final Map<String, Map<PeerId, AtomicInteger>> inFlight = new ConcurrentHashMap<>();

  public RequestResponseService(Libp2pHost host) {
    this.host = host;
  }

  public void register(RequestResponseProtocol protocol) {
    Map<PeerId, AtomicInteger> counts = inFlight.computeIfAbsent(protocol.protocolId(), p -> new ConcurrentHashMap<>());
    host.protocols().register(protocol.protocolId(), (stream, id) -> {
      AtomicInteger n = counts.computeIfAbsent(stream.connection().remotePeer(), p -> new AtomicInteger());
      if (n.incrementAndGet() > protocol.limits().maxConcurrentPerPeer()) {
        n.decrementAndGet();
        LOG.info("{} from {}: more than {} concurrent requests; resetting", id, stream.connection().remotePeer(),
            protocol.limits().maxConcurrentPerPeer());
        stream.reset();
        return new Discard();
      }
      return new Responder(stream, protocol, n);
    });
  }

  public CompletableFuture<byte[]> request(PeerId peer, String protocolId, byte[] request, RequestLimits limits) {
    var conn = host.connection(peer);
    if (conn.isEmpty()) {
      return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + peer));
    }
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    conn.get().openStream(List.of(protocolId), (stream, p) -> {
      Requester r = new Requester(stream, limits, result);
      stream.write(frame(stream, request));
      stream.closeWrite();
      return r;
    }).exceptionally(e -> {
      result.completeExceptionally(e);
      return null;
    });
    return result.orTimeout(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  static ByteBuf frame(MuxedStream stream, byte[] body) {
    ByteBuf out = stream.alloc().buffer(body.length + 5);
    Varint.write(out, body.length);
    out.writeBytes(body);
    return out;
  }

  private static final class Discard implements StreamHandler {
    @Override
    public void onData(MuxedStream stream, ByteBuf data) {
      data.release();
    }
  }

  /** Reads one response; a timeout or a reset fails the request. */
  private static final class Requester implements StreamHandler {
    private final LengthPrefixedReader reader;
    private final CompletableFuture<byte[]> result;

    Requester(MuxedStream stream, RequestLimits limits, CompletableFuture<byte[]> result) {
      this.reader = new LengthPrefixedReader(stream.alloc(), limits.maxResponseBytes());
      this.result = result;
      result.whenComplete((v, e) -> {
        if (e instanceof TimeoutException) {
          stream.reset();
        }
      });
    }

    @Override
    public void onData(MuxedStream stream, ByteBuf data) {
      if (result.isDone()) {
        data.release();
        return;
      }
      reader.add(data);
      LengthPrefixedReader.Result r = reader.next();
      if (r instanceof LengthPrefixedReader.Message m) {
        byte[] bytes = new byte[m.body().readableBytes()];
        m.body().readBytes(bytes).release();
        result.complete(bytes);
        stream.reset(); // nothing more is expected; free the stream at once
      } else if (!(r instanceof LengthPrefixedReader.NeedMore)) {
        result.completeExceptionally(new IllegalStateException("bad response frame: " + r));
        stream.reset();
      }
    }

    @Override
    public void onClosed(MuxedStream stream) {
      reader.release();
      result.completeExceptionally(new IllegalStateException("stream closed without a response"));
    }
  }

  /** Reads one request, asks the protocol, writes its answer; reset on timeout or error. */
  private static final class Responder implements StreamHandler {
    private final RequestResponseProtocol protocol;
    private final AtomicInteger count;
    private final LengthPrefixedReader reader;
    private boolean answered;
    private volatile boolean delivered;
    private boolean released;

    Responder(MuxedStream stream, RequestResponseProtocol protocol, AtomicInteger count) {
      this.protocol = protocol;
      this.count = count;
      this.reader = new LengthPrefixedReader(stream.alloc(), protocol.limits().maxRequestBytes());
      // The deadline covers the whole exchange: a requester that never reads our response is
      // cut off too, and its stream and concurrency slot are freed.
      stream.executor().schedule(() -> {
        if (!delivered) {
          LOG.info("{} from {}: exchange not finished within {}", protocol.protocolId(), stream.connection().remotePeer(), protocol.limits().timeout());
          stream.reset();
        }
      }, protocol.limits().timeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onData(MuxedStream stream, ByteBuf data) {
      if (answered) {
        data.release();
        return;
      }
      reader.add(data);
      LengthPrefixedReader.Result r = reader.next();
      if (r instanceof LengthPrefixedReader.Message m) {
        answered = true;
        byte[] req = new byte[m.body().readableBytes()];
        m.body().readBytes(req).release();
        serve(stream, req);
      } else if (!(r instanceof LengthPrefixedReader.NeedMore)) {
        answered = true;
        LOG.info("{} from {}: bad request frame {}", protocol.protocolId(), stream.connection().remotePeer(), r);
        stream.reset();
      }
    }

    private void serve(MuxedStream stream, byte[] req) {
      CompletableFuture<byte[]> f;
      try {
        f = protocol.handle(stream.connection().remotePeer(), req);
      } catch (RuntimeException e) {
        f = CompletableFuture.failedFuture(e);
      }
      f.whenComplete((resp, e) -> {
        if (e != null) {
          LOG.debug("{} handler failed: {}", protocol.protocolId(), e.toString());
          stream.reset();
        } else {
          stream.write(frame(stream, resp)).thenRun(() -> delivered = true);
          stream.closeWrite();
        }
      });
    }

    @Override
    public void onClosed(MuxedStream stream) {
      reader.release();
      if (!released) {
        released = true;
        count.decrementAndGet();
      }
    }
  }
}
