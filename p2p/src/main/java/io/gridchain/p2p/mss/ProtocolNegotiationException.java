package io.gridchain.p2p.mss;

/** Completes a stream-open future when the remote supports none of the proposed protocols. */
public final class ProtocolNegotiationException extends RuntimeException {
  public ProtocolNegotiationException(String reason) {
    super(reason);
  }
}
