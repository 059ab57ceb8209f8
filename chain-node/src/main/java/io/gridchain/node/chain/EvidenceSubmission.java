package io.gridchain.node.chain;

import io.gridchain.consensus.evidence.DuplicateVoteEvidence;
import io.gridchain.core.tx.TxPayload;

/** A transaction carrying proof that a validator signed two conflicting votes. */
public record EvidenceSubmission(DuplicateVoteEvidence evidence) implements TxPayload {
    public static final String KIND = "evidence.duplicate-vote";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return evidence.encode();
    }
}
