package io.gridchain.consensus;

import io.gridchain.consensus.evidence.DuplicateVoteEvidence;
import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.signing.SignOutcome;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Hash32;

/** What the node must carry out after an input, in order. */
public sealed interface Output {
    /** Gossip this proposal with the block bytes of its value. */
    record BroadcastProposal(SignedProposal proposal) implements Output {}

    record BroadcastVote(SignedVote vote) implements Output {}

    /** Feed {@code Input.TimeoutExpired(kind, height, round)} after {@code delayMillis}. */
    record ScheduleTimeout(TimeoutKind kind, long height, int round, long delayMillis) implements Output {}

    /** getValue(): build a block for (height, round) and answer with {@code Input.ValueToPropose}. */
    record RequestValue(long height, int round) implements Output {}

    /** valid(v): check the block with this id and answer with {@code Input.ValueValidity}. */
    record ValidateValue(long height, int round, Hash32 value) implements Output {}

    /** decision_p[h] = v, with the precommits that prove it; commit, then send StartHeight(h + 1). */
    record Decide(long height, int round, Hash32 value, CommitCertificate certificate) implements Output {}

    /** A validator signed two different votes for one (height, round, type). */
    record EvidenceFound(DuplicateVoteEvidence evidence) implements Output {}

    /** The signing guard would not sign: the engine goes on without this message. */
    record SigningRefused(MessageType type, long height, int round, SignOutcome.Refused refusal) implements Output {}
}
