package io.gridchain.node.bft;

import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.core.block.Block;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;

/**
 * What validators gossip on the consensus topic: a signed proposal with the block it proposes, or a
 * signed vote. One leading byte says which.
 */
public sealed interface ConsensusMessage {
    byte PROPOSAL = 1;
    byte VOTE = 2;

    record ProposalWithBlock(SignedProposal proposal, Block block) implements ConsensusMessage {}

    record VoteMessage(SignedVote vote) implements ConsensusMessage {}

    static byte[] encode(ConsensusMessage m) {
        byte[] body;
        byte tag;
        if (m instanceof ProposalWithBlock p) {
            tag = PROPOSAL;
            body = Rlp.list(Rlp.bytes(p.proposal().encode()), Rlp.bytes(p.block().encode()));
        } else {
            tag = VOTE;
            body = ((VoteMessage) m).vote().encode();
        }
        byte[] out = new byte[body.length + 1];
        out[0] = tag;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    /** @throws RlpException naming what is malformed */
    /**
     * Decodes a consensus message. A proposal of a block in {@code knownBlocks} (re-sent, or proposed
     * again in a later round) takes that block instead of decoding the thousands of transactions
     * again; the proposal's signature covers the block hash, so the two are the same.
     */
    static ConsensusMessage decode(byte[] data, int maxTransactionBytes, java.util.function.Function<Hash32, Block> knownBlocks) {
        if (data.length < 2) {
            throw new RlpException("consensus message is empty");
        }
        byte[] body = java.util.Arrays.copyOfRange(data, 1, data.length);
        if (data[0] == PROPOSAL) {
            RlpReader r = RlpReader.ofList(body);
            SignedProposal proposal = SignedProposal.decode(r.bytes());
            Block known = knownBlocks.apply(proposal.proposal().value());
            byte[] blockBytes = r.bytes();
            Block block = known != null ? known : Block.decode(blockBytes, maxTransactionBytes);
            r.finish("proposal message");
            return new ProposalWithBlock(proposal, block);
        }
        if (data[0] == VOTE) {
            return new VoteMessage(SignedVote.decode(body));
        }
        throw new RlpException("unknown consensus message type " + data[0]);
    }
}
