package io.gridchain.p2p.gossipsub;

/**
 * A reduced gossipsub v1.1 score: invalid messages (P4) and protocol misbehaviour such as GRAFT
 * during backoff (P7), each counted, squared, weighted and decayed every heartbeat.
 */
final class PeerScore {
  private final GossipsubParams params;
  private double invalidMessages;
  private double misbehaviour;

  PeerScore(GossipsubParams params) {
    this.params = params;
  }

  void invalidMessage() {
    invalidMessages++;
  }

  void misbehaved() {
    misbehaviour++;
  }

  double value() {
    return params.invalidMessagePenalty() * invalidMessages * invalidMessages
        + params.behaviourPenalty() * misbehaviour * misbehaviour
        + 0.0; // turns -0.0 (a negative weight times zero) into 0.0
  }

  void decay() {
    invalidMessages = invalidMessages * params.decay() < 0.1 ? 0 : invalidMessages * params.decay();
    misbehaviour = misbehaviour * params.decay() < 0.1 ? 0 : misbehaviour * params.decay();
  }
}
