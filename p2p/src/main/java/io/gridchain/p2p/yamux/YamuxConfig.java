package io.gridchain.p2p.yamux;

/**
 * Limits of one yamux session.
 *
 * @param receiveWindow bytes a remote may send on a stream before we grant more (at least 256 KiB)
 * @param maxInboundStreams open streams the remote may have; one more closes the connection
 * @param maxUnboundBytes bytes buffered on a stream that has no handler yet
 */
public record YamuxConfig(int receiveWindow, int maxInboundStreams, int maxUnboundBytes) {
  public static final YamuxConfig DEFAULT = new YamuxConfig(4 * 1024 * 1024, 256, 64 * 1024);

  public YamuxConfig {
    if (receiveWindow < YamuxFrame.INITIAL_WINDOW) {
      throw new IllegalArgumentException("receive window below the 256 KiB yamux initial window");
    }
  }
}
