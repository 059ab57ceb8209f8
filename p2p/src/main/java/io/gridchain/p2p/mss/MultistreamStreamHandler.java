package io.gridchain.p2p.mss;

import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamBinder;
import io.gridchain.p2p.stream.StreamHandler;
import io.netty.buffer.ByteBuf;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Negotiates a stream's protocol, then hands the stream (and early bytes) to the bound handler. */
public final class MultistreamStreamHandler<H extends StreamHandler> implements StreamHandler {
  private static final Logger LOG = LoggerFactory.getLogger(MultistreamStreamHandler.class);
  private final MultistreamSelect select;
  private final StreamBinder<H> binder;
  private final CompletableFuture<H> result;

  private MultistreamStreamHandler(MultistreamSelect select, StreamBinder<H> binder, CompletableFuture<H> result) {
    this.select = select;
    this.binder = binder;
    this.result = result;
  }

  /** Outbound: propose protocols in order. */
  public static <H extends StreamHandler> CompletableFuture<H> dial(
      MuxedStream stream, java.util.List<String> protocols, StreamBinder<H> binder) {
    CompletableFuture<H> result = new CompletableFuture<>();
    MultistreamSelect select = MultistreamSelect.dialer(protocols, stream.alloc());
    stream.setHandler(new MultistreamStreamHandler<>(select, binder, result));
    stream.write(select.start(stream.alloc()));
    return result;
  }

  /** Inbound: answer proposals from the table of supported protocols. */
  public static void listen(MuxedStream stream, java.util.function.Predicate<String> supported, StreamBinder<StreamHandler> binder) {
    MultistreamSelect select = MultistreamSelect.listener(supported, stream.alloc());
    stream.setHandler(new MultistreamStreamHandler<>(select, binder, new CompletableFuture<>()));
    stream.write(select.start(stream.alloc()));
  }

  @Override
  public void onData(MuxedStream stream, ByteBuf data) {
    if (result.isDone()) {
      data.release();
      return;
    }
    MultistreamSelect.Outcome o = select.onData(data, stream::write);
    if (o instanceof MultistreamSelect.Selected s) {
      H handler;
      try {
        handler = binder.bind(stream, s.protocol());
      } catch (RuntimeException e) {
        s.remainder().release();
        stream.reset();
        result.completeExceptionally(e);
        return;
      }
      stream.setHandler(handler);
      result.complete(handler);
      if (s.remainder().isReadable()) {
        handler.onData(stream, s.remainder());
      } else {
        s.remainder().release();
      }
    } else if (o instanceof MultistreamSelect.Failed f) {
      LOG.debug("stream to {}: {}", stream.connection().remotePeer(), f.reason());
      stream.reset();
      result.completeExceptionally(new ProtocolNegotiationException(f.reason()));
    }
  }

  @Override
  public void onRemoteClose(MuxedStream stream) {
    if (!result.isDone()) {
      stream.reset();
      result.completeExceptionally(new ProtocolNegotiationException("stream closed during negotiation"));
    }
  }

  @Override
  public void onClosed(MuxedStream stream) {
    select.abandon();
    result.completeExceptionally(new ProtocolNegotiationException("stream closed during negotiation"));
  }
}
