package io.gridchain.p2p;

import java.util.concurrent.CompletableFuture;

/**
 * Serves one request/response protocol (e.g. "/gridchain/sync/1.0.0"): one request and one
 * response per stream, each length-prefixed and bounded by the protocol's limits.
 */
public interface RequestResponseProtocol {
  String protocolId();

  RequestLimits limits();

  /** Answers a request; complete exceptionally to reset the stream without a response. */
  CompletableFuture<byte[]> handle(PeerId from, byte[] request);
}
