package io.gridchain.node.bft;

import io.gridchain.consensus.message.MessageCheck;
import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.MessageVerifier;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.block.Block;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.tx.Transaction;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import io.gridchain.consensus.EngineState;

/**
 * Consensus messages on the wire: proposals (each with its whole block) and votes, each on a topic
 * of its own so a large block never queues votes. Incoming messages are decoded, their signatures
 * checked against the height's validators on the gossip thread, and handed to the consensus loop;
 * messages of the height after the one under way are held there, in {@link HeldMessages}, the one
 * place that holds them, until it starts. Outgoing, this node's messages of the height are kept and
 * sent again now and then, since a vote can be lost to a peer restarting.
 */
final class ConsensusGossip {
    /** What a checked message is handed to, on the consensus loop. */
    interface Inbox {
        void proposal(SignedProposal proposal, Block block);

        void vote(SignedVote vote);
    }

    private static final int MAX_HELD_MESSAGES = 256;
    private static final int MAX_HELD_PROPOSALS = 4;
    /** Room for the proposal's own fields and signature around a block of the largest size. */
    private static final int MAX_PROPOSAL_OVERHEAD = 64 * 1024;
    /**
     * A proposal this many rounds or more beyond the engine's is not worth checking now (a block's
     * senders are recovered on arrival); its proposer re-sends it, and the engine gets there by the
     * f+1 rule first.
     */
    private static final int PROPOSAL_ROUND_WINDOW = 2;

    private final Ledger ledger;
    private final Mempool mempool;
    private final P2PNetwork network;
    private final ConsensusLoop loop;
    private final String chainId;
    private final Function<Hash32, Block> knownBlocks;
    private final Supplier<EngineState> progress;
    private final Misbehaviour misbehaviour;
    private final HeldMessages held = new HeldMessages(MAX_HELD_MESSAGES, MAX_HELD_PROPOSALS);
    private Inbox inbox;
    private volatile Topic proposalTopic;
    private volatile Topic voteTopic;
    private List<ConsensusMessage> mine = new ArrayList<>();
    private long rebroadcasts;

    /**
     * @param knownBlocks blocks this node already holds, so a proposal for one is not decoded twice
     * @param progress the engine's height and round as of its last input, read from the gossip thread
     */
    ConsensusGossip(Ledger ledger, Mempool mempool, P2PNetwork network, ConsensusLoop loop, SigningKey key,
                    java.util.Set<ByzantineBehaviour> byzantine, Function<Hash32, Block> knownBlocks, Supplier<EngineState> progress) {
        this.ledger = ledger;
        this.mempool = mempool;
        this.network = network;
        this.loop = loop;
        this.chainId = Long.toString(ledger.chainId());
        this.knownBlocks = knownBlocks;
        this.progress = progress;
        this.misbehaviour = new Misbehaviour(key, byzantine);
    }

    /** Proposals carry whole blocks; votes travel on their own topic so a large block never queues them. */
    static String proposalTopic(long chainId) {
        return "/gridchain/" + chainId + "/proposals/1";
    }

    static String voteTopic(long chainId) {
        return "/gridchain/" + chainId + "/votes/1";
    }

    void start(Inbox inbox) {
        this.inbox = inbox;
        proposalTopic = network.subscribe(proposalTopic(ledger.chainId()), this::validate);
        voteTopic = network.subscribe(voteTopic(ledger.chainId()), this::validate);
    }

    /**
     * Decodes, checks the signature against this height's validators, and hands the message to the
     * consensus loop. Messages of the height after it (a faster peer already moved on) cannot be
     * checked yet, since their validator set is not known: they are held, unverified, until their height
     * starts; waiting for their re-sending would cost a second per height. Neither raises the height
     * block sync aims for: a message nobody checked could make the node report "syncing" forever.
     */
    private ValidationResult validate(GossipMessage message) {
        ConsensusMessage m;
        try {
            if (message.data().length > ledger.params().maxBlockBytes() + MAX_PROPOSAL_OVERHEAD) {
                return ValidationResult.REJECT;
            }
            m = ConsensusMessage.decode(message.data(), ledger.params().maxTransactionBytes(), knownBlocks::apply);
        } catch (RlpException | IllegalArgumentException e) {
            return ValidationResult.REJECT;
        }
        long height = HeldMessages.heightOf(m);
        long next = ledger.head().height() + 1;
        if (height == next + 1) {
            if (m instanceof ConsensusMessage.ProposalWithBlock p && !matches(p)) {
                return ValidationResult.REJECT;
            }
            loop.execute(() -> held.add(m, false));
            return ValidationResult.IGNORE;
        }
        return height == next ? admit(m) : ValidationResult.IGNORE;
    }

    /** The block is the proposal's value and its body is the one its header commits to. */
    private static boolean matches(ConsensusMessage.ProposalWithBlock p) {
        return p.block().hash().equals(p.proposal().proposal().value()) && p.block().bodyMismatch().isEmpty();
    }

    /**
     * Checks a message of the height after the head and passes it to the loop. A proposal's block must
     * be the proposal's value with the body its header commits to: anyone relaying a signed proposal
     * can change the body, and a changed body is dropped here, never kept, so the real one arriving
     * later is the one checked.
     */
    private ValidationResult admit(ConsensusMessage m) {
        if (m instanceof ConsensusMessage.ProposalWithBlock p) {
            EngineState now = progress.get();
            if (p.proposal().proposal().height() == now.height() && p.proposal().proposal().round() >= now.round() + PROPOSAL_ROUND_WINDOW) {
                return ValidationResult.IGNORE;
            }
            boolean known = knownBlocks.apply(p.block().hash()) == p.block(); // decoded as the block we keep
            if (!known && !matches(p)) {
                return ValidationResult.REJECT;
            }
            MessageCheck check = MessageVerifier.SECP256K1.verify(p.proposal(), chainId, ledger.validators());
            if (!check.isValid()) {
                return ValidationResult.REJECT;
            }
            Block block = known ? p.block() : withKnownSenders(p.block());
            if (!known) {
                misbehaviour.relayForged(p, this::send);
            }
            loop.execute(() -> inbox.proposal(p.proposal(), block));
            // a known block's bytes went undecoded (we have the block): do not vouch for them to others
            return known ? ValidationResult.IGNORE : ValidationResult.ACCEPT;
        }
        ConsensusMessage.VoteMessage v = (ConsensusMessage.VoteMessage) m;
        MessageCheck check = MessageVerifier.SECP256K1.verify(v.vote(), chainId, ledger.validators());
        if (!check.isValid()) {
            return ValidationResult.REJECT;
        }
        loop.execute(() -> inbox.vote(v.vote()));
        return ValidationResult.ACCEPT;
    }

    /**
     * Signature recovery is the costly part of checking a block, so it must not happen on the
     * consensus thread: transactions already in our mempool bring the sender recovered at admission,
     * and the others are recovered here, on the gossip thread, across all cores.
     */
    private Block withKnownSenders(Block block) {
        List<Transaction> txs = new ArrayList<>(block.transactions().size());
        for (Transaction tx : block.transactions()) {
            txs.add(mempool.get(tx.hash()).orElse(tx));
        }
        txs.parallelStream().forEach(Transaction::sender);
        return new Block(block.header(), txs, block.lastCommit());
    }

    /** On the loop: a checked message for a height not started yet waits here. */
    void hold(ConsensusMessage m) {
        held.add(m, true);
    }

    /**
     * On the loop, once {@code height} has started: what came for it before goes to the inbox now, after
     * StartHeight, so that it is in this height's WAL like every other input.
     */
    void release(long height) {
        for (HeldMessages.Held h : held.take(height)) {
            if (!h.verified()) {
                admit(h.message());
            } else if (h.message() instanceof ConsensusMessage.ProposalWithBlock p) {
                inbox.proposal(p.proposal(), p.block());
            } else {
                inbox.vote(((ConsensusMessage.VoteMessage) h.message()).vote());
            }
        }
    }

    /** On the loop: a new height; our messages of the last one need no more re-sending. */
    void newHeight() {
        mine = new ArrayList<>();
    }

    void publish(SignedProposal proposal, Block block) {
        ConsensusMessage.ProposalWithBlock m = new ConsensusMessage.ProposalWithBlock(proposal, block);
        misbehaviour.relayForged(m, this::send);
        mine.add(m);
        send(m);
    }

    void publish(SignedVote vote) {
        ConsensusMessage.VoteMessage m = new ConsensusMessage.VoteMessage(vote);
        mine.add(m);
        send(m);
        misbehaviour.alongside(vote.vote(), this::send);
    }

    private void send(ConsensusMessage m) {
        Topic topic = m instanceof ConsensusMessage.ProposalWithBlock ? proposalTopic : voteTopic;
        if (topic != null) {
            topic.publish(ConsensusMessage.encode(m));
        }
    }

    /** Votes can be lost (a peer restarting, a partition): ours for this height are sent again. */
    void rebroadcast() {
        boolean withProposals = ++rebroadcasts % 3 == 0; // a proposal carries a whole block: every third time
        for (ConsensusMessage m : mine) {
            if (withProposals || !(m instanceof ConsensusMessage.ProposalWithBlock)) {
                send(m);
            }
        }
    }

    /** The test-only faults of what this node sends; does nothing unless asked to. */
    private static final class Misbehaviour {
        private final SigningKey key;
        private final java.util.Set<ByzantineBehaviour> byzantine;

        Misbehaviour(SigningKey key, java.util.Set<ByzantineBehaviour> byzantine) {
            this.key = key;
            this.byzantine = byzantine;
        }

        /** {@link ByzantineBehaviour#FORGED_BODY}: the same signed proposal, one transaction short, sent first. */
        void relayForged(ConsensusMessage.ProposalWithBlock p, java.util.function.Consumer<ConsensusMessage> send) {
            Block block = p.block();
            if (byzantine.contains(ByzantineBehaviour.FORGED_BODY) && !block.transactions().isEmpty()) {
                List<Transaction> fewer = block.transactions().subList(0, block.transactions().size() - 1);
                send.accept(new ConsensusMessage.ProposalWithBlock(p.proposal(),
                        new Block(block.header(), fewer, block.lastCommit())));
            }
        }

        /** Extra votes next to one of ours: a conflicting prevote, or nil votes for far rounds. */
        void alongside(Vote vote, java.util.function.Consumer<ConsensusMessage> send) {
            if (byzantine.contains(ByzantineBehaviour.EQUIVOCATE) && vote.type() == MessageType.PREVOTE) {
                Hash32 other = vote.value() == null ? Keccak.hash(new byte[] {1}) : null;
                send.accept(new ConsensusMessage.VoteMessage(
                        new Vote(vote.chainId(), vote.type(), vote.height(), vote.round(), other).signWith(key)));
            }
            if (byzantine.contains(ByzantineBehaviour.FAR_ROUND_VOTES)) {
                for (MessageType type : List.of(MessageType.PREVOTE, MessageType.PRECOMMIT)) {
                    Vote far = new Vote(vote.chainId(), type, vote.height(), vote.round() + ByzantineBehaviour.FAR_ROUNDS, null);
                    send.accept(new ConsensusMessage.VoteMessage(far.signWith(key)));
                }
            }
        }
    }
}
