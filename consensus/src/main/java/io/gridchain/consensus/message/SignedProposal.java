package io.gridchain.consensus.message;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;

/** A proposal with the address of its proposer and the proposer's signature over its sign bytes. */
public record SignedProposal(Proposal proposal, Address proposer, Signature signature) {
    public byte[] encode() {
        Proposal p = proposal;
        return Rlp.list(Rlp.string(p.chainId()), Rlp.uint(p.height()), Rlp.uint(p.round()), Rlp.bytes(p.value().bytes()),
                Rlp.uint(p.polRound() + 1L), Rlp.bytes(proposer.bytes()), Rlp.bytes(signature.bytes()));
    }

    public static SignedProposal decode(byte[] encoded) {
        RlpReader r = RlpReader.ofList(encoded);
        String chainId = r.string();
        long height = r.uint64("proposal height");
        int round = r.uint32("proposal round");
        Hash32 value = Hash32.of(r.bytes(32, "proposal value"));
        long pol = r.uint64("proposal pol round");
        if (pol > Integer.MAX_VALUE) {
            throw new RlpException("proposal pol round is too large");
        }
        Address proposer = Address.of(r.bytes(20, "proposer"));
        Signature signature = Codec.signature(r.bytes(), "proposal signature");
        r.finish("signed proposal");
        return new SignedProposal(new Proposal(chainId, height, round, value, (int) pol - 1), proposer, signature);
    }

    @Override
    public String toString() {
        return proposal + " by " + proposer;
    }
}
