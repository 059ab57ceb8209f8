package io.gridchain.node.bft;

import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.crypto.Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Consensus messages for a height the engine has not started yet (a faster peer moved on while this
 * node committed or paused), held in arrival order until it starts. This is the one place that holds
 * them: the engine ignores other heights, so each message reaches it only after the height's
 * StartHeight, through the same path as any other, and is logged in that height's WAL. Bounded, with
 * few proposals (each carries a block), and touched by the consensus thread only.
 */
final class HeldMessages {
    /** A held message, and whether its signature was already checked against its height's validators. */
    record Held(ConsensusMessage message, boolean verified) {}

    private record VoteKey(Vote vote, Address validator) {}

    private record ProposalKey(Proposal proposal, Address proposer) {}

    private final int maxMessages;
    private final int maxProposals;
    private final Map<Object, Held> held = new LinkedHashMap<>();
    private int proposals;

    HeldMessages(int maxMessages, int maxProposals) {
        this.maxMessages = maxMessages;
        this.maxProposals = maxProposals;
    }

    /** False when it is already held or there is no room. */
    boolean add(ConsensusMessage m, boolean verified) {
        Object key = key(m);
        if (held.containsKey(key) || held.size() >= maxMessages) {
            return false;
        }
        boolean proposal = m instanceof ConsensusMessage.ProposalWithBlock;
        if (proposal && proposals >= maxProposals) {
            return false;
        }
        proposals += proposal ? 1 : 0;
        held.put(key, new Held(m, verified));
        return true;
    }

    /** Removes and returns, in arrival order, the messages of {@code height}; drops those of lower heights. */
    List<Held> take(long height) {
        List<Held> out = new ArrayList<>();
        var it = held.values().iterator();
        while (it.hasNext()) {
            Held h = it.next();
            long at = heightOf(h.message());
            if (at <= height) {
                it.remove();
                proposals -= h.message() instanceof ConsensusMessage.ProposalWithBlock ? 1 : 0;
                if (at == height) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    static long heightOf(ConsensusMessage m) {
        return m instanceof ConsensusMessage.ProposalWithBlock p ? p.proposal().proposal().height()
                : ((ConsensusMessage.VoteMessage) m).vote().vote().height();
    }

    private static Object key(ConsensusMessage m) {
        if (m instanceof ConsensusMessage.ProposalWithBlock p) {
            return new ProposalKey(p.proposal().proposal(), p.proposal().proposer());
        }
        ConsensusMessage.VoteMessage v = (ConsensusMessage.VoteMessage) m;
        return new VoteKey(v.vote().vote(), v.vote().validator());
    }
}
