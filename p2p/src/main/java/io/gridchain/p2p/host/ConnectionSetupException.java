package io.gridchain.p2p.host;

/** A dial that did not produce a connection: the message says why (wrong peer, refused, timeout…). */
public final class ConnectionSetupException extends RuntimeException {
  public ConnectionSetupException(String reason) {
    super(reason);
  }
}
