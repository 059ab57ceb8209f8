package io.gridchain.p2p;

import java.util.concurrent.CompletionStage;

/**
 * A topic validator whose verdict comes later, for checks too slow for the gossip thread (a
 * signature recovery per transaction, say). The gossip thread goes on with other topics' messages
 * meanwhile; the message is forwarded, or its sender penalised, when the verdict arrives.
 */
@FunctionalInterface
public interface AsyncGossipValidator {
  CompletionStage<ValidationResult> validate(GossipMessage message);
}
