package io.gridchain.p2p.yamux;

import java.time.Duration;

/**
 * Limits of one yamux session.
 *
 * @param receiveWindow bytes a remote may send on a stream before we grant more (at least 256 KiB)
 * @param maxInboundStreams open streams the remote may have; one more closes the connection
 * @param maxUnboundBytes bytes buffered on a stream that has no handler yet
 * @param maxQueuedWriteBytes bytes we may hold for the remote, waiting for its window or for the
 *     socket; one more closes the connection (a peer that stops reading cannot grow our heap)
 * @param writeStallTimeout how long bytes may wait for the remote with none of them leaving;
 *     then the connection is closed
 */
public record YamuxConfig(int receiveWindow, int maxInboundStreams, int maxUnboundBytes,
    long maxQueuedWriteBytes, Duration writeStallTimeout) {
  public static final YamuxConfig DEFAULT = new YamuxConfig(4 * 1024 * 1024, 256, 64 * 1024, 64L << 20, Duration.ofSeconds(30));

  public YamuxConfig {
    if (receiveWindow < YamuxFrame.INITIAL_WINDOW) {
      throw new IllegalArgumentException("receive window below the 256 KiB yamux initial window");
    }
  }

  public YamuxConfig withWriteLimits(long maxQueuedBytes, Duration stallTimeout) {
    return new YamuxConfig(receiveWindow, maxInboundStreams, maxUnboundBytes, maxQueuedBytes, stallTimeout);
  }
}
