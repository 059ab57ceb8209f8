package io.gridchain.consensus.evidence;

import io.gridchain.consensus.message.SignedVote;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/**
 * Two votes signed by one validator for the same (chain, height, round, type) with different values:
 * proof of equivocation that anyone holding the validator set can check. The pair is kept in a
 * canonical order (by sign bytes) so the same equivocation always encodes the same way.
 */
public record DuplicateVoteEvidence(SignedVote first, SignedVote second) {
    public static DuplicateVoteEvidence of(SignedVote a, SignedVote b) {
        return java.util.Arrays.compareUnsigned(a.vote().signBytes(), b.vote().signBytes()) <= 0
                ? new DuplicateVoteEvidence(a, b)
                : new DuplicateVoteEvidence(b, a);
    }

    public byte[] encode() {
        return Rlp.list(first.encode(), second.encode());
    }

    public static DuplicateVoteEvidence decode(byte[] encoded) {
        RlpReader r = RlpReader.ofList(encoded);
        SignedVote a = SignedVote.decode(r.rawItem());
        SignedVote b = SignedVote.decode(r.rawItem());
        r.finish("duplicate vote evidence");
        return new DuplicateVoteEvidence(a, b);
    }
}
