package io.gridchain.p2p;

/** A topic validator's verdict; it decides delivery, forwarding and the sender's score. */
public enum ValidationResult {
  /** Valid: deliver (the validator has taken it) and forward to the mesh. */
  ACCEPT,
  /** Invalid: drop, do not forward, and penalise the peer that sent it. */
  REJECT,
  /** Not useful now (duplicate, stale, too early): drop without penalty. */
  IGNORE
}
