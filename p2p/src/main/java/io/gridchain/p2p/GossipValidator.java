package io.gridchain.p2p;

/**
 * Decides a topic's messages, and is where they are delivered: ACCEPT means "valid, I have it".
 * Called on the gossip thread for each new message, once; keep it fast (decode, check, enqueue).
 */
@FunctionalInterface
public interface GossipValidator {
  ValidationResult validate(GossipMessage message);
}
