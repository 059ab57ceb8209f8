package io.gridchain.consensus.message;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;

/**
 * ⟨PROPOSAL, height, round, value, validRound⟩: the proposer's value id for (height, round) and the
 * round of the prevote quorum that justifies re-proposing it ({@code polRound}, -1 for a fresh
 * value). The block bytes travel beside the proposal; only the value id is signed. Signed bytes:
 * RLP(chainId, 1, height, round, value, polRound + 1).
 */
public record Proposal(String chainId, long height, int round, Hash32 value, int polRound) {
    public Proposal {
        if (height < 0 || round < 0 || polRound < -1) {
            throw new IllegalArgumentException("height, round >= 0 and polRound >= -1");
        }
        if (value == null) {
            throw new IllegalArgumentException("a proposal carries a value id");
        }
    }

    public byte[] signBytes() {
        return Rlp.list(Rlp.string(chainId), Rlp.uint(MessageType.PROPOSAL.code()), Rlp.uint(height), Rlp.uint(round),
                Rlp.bytes(value.bytes()), Rlp.uint(polRound + 1L));
    }

    /** The proposal whose {@link #signBytes()} these are. */
    public static Proposal fromSignBytes(byte[] signBytes) {
        RlpReader r = RlpReader.ofList(signBytes);
        String chainId = r.string();
        if (r.uint64("proposal type") != MessageType.PROPOSAL.code()) {
            throw new RlpException("not the sign bytes of a proposal");
        }
        long height = r.uint64("proposal height");
        int round = r.uint32("proposal round");
        Hash32 value = Hash32.of(r.bytes(32, "proposal value"));
        int pol = r.uint32("proposal pol round");
        r.finish("proposal sign bytes");
        return new Proposal(chainId, height, round, value, pol - 1);
    }

    public Hash32 digest() {
        return Keccak.hash(signBytes());
    }

    public SignedProposal signWith(SigningKey key) {
        return new SignedProposal(this, key.address(), key.sign(digest()));
    }

    @Override
    public String toString() {
        return "PROPOSAL(h=" + height + ", r=" + round + ", " + value.toHex() + ", pol=" + polRound + ")";
    }
}
