package io.gridchain.p2p;

/**
 * A gossip message whose signature has been checked.
 *
 * @param origin the peer that signed (published) it
 * @param source the peer we received it from (may differ from origin: it was forwarded)
 * @param messageId the id gossip uses to deduplicate it
 */
public record GossipMessage(String topic, byte[] data, PeerId origin, PeerId source, byte[] messageId) {}
