package io.gridchain.p2p.gossipsub;

import java.time.Duration;

/**
 * gossipsub v1.1 parameters (spec defaults) and the penalty model's thresholds.
 *
 * @param invalidMessagePenalty score lost per invalid message squared (P4-like), decays each heartbeat
 * @param graylistThreshold below it a peer's RPCs are ignored
 */
public record GossipsubParams(
    int d, int dLo, int dHi, int dOut, int dLazy,
    Duration heartbeat, Duration fanoutTtl, int mcacheLength, int mcacheGossip, Duration seenTtl,
    Duration pruneBackoff, boolean floodPublish, int maxRpcBytes, int maxIHaveIds,
    double invalidMessagePenalty, double behaviourPenalty, double decay,
    double gossipThreshold, double publishThreshold, double graylistThreshold) {

  public static final GossipsubParams DEFAULT = new GossipsubParams(
      6, 4, 12, 2, 6,
      Duration.ofSeconds(1), Duration.ofSeconds(60), 5, 3, Duration.ofMinutes(2),
      Duration.ofMinutes(1), true, 4 * 1024 * 1024 + 64 * 1024, 5000,
      -10, -10, 0.9,
      -10, -50, -80);

  public GossipsubParams withHeartbeat(Duration d) {
    return new GossipsubParams(this.d, dLo, dHi, dOut, dLazy, d, fanoutTtl, mcacheLength, mcacheGossip, seenTtl,
        pruneBackoff, floodPublish, maxRpcBytes, maxIHaveIds, invalidMessagePenalty, behaviourPenalty, decay,
        gossipThreshold, publishThreshold, graylistThreshold);
  }
}
