package io.gridchain.p2p;

import java.time.Duration;

/**
 * @param maxRequestBytes larger requests are refused before they are read
 * @param maxResponseBytes larger responses fail the request
 * @param timeout from opening the stream to the last response byte
 * @param maxConcurrentPerPeer inbound requests served at once for one peer; more are reset
 */
public record RequestLimits(int maxRequestBytes, int maxResponseBytes, Duration timeout, int maxConcurrentPerPeer) {
  public static final RequestLimits DEFAULT = new RequestLimits(1 << 20, 16 << 20, Duration.ofSeconds(10), 8);
}
