package io.gridchain.consensus;

import io.gridchain.consensus.HeightState.Candidate;
import io.gridchain.consensus.HeightState.Validity;
import io.gridchain.consensus.certificate.CommitCertificates;
import io.gridchain.consensus.evidence.DuplicateVoteEvidence;
import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.consensus.signing.SignOutcome;
import io.gridchain.consensus.signing.VoteSigner;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.validator.ValidatorSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Algorithm 1 of "The latest gossip on BFT consensus" (Buchman, Kwon, Milosevic, 2018) as a
 * deterministic state machine: {@link #apply} takes one input and returns the outputs the node must
 * carry out. No clock, no threads, no IO: the state after a sequence of inputs is a function of the
 * configuration, the signer's stored state and that sequence, which is what makes the write-ahead
 * log replayable. Comments {@code // Lnn} name the line of the paper's pseudocode a branch implements.
 *
 * <p>Differences from the pseudocode, each for the node's sake: a height starts with an explicit
 * {@link Input.StartHeight} (after the node committed the decided block) instead of right at L54;
 * the proposer also schedules timeoutPropose (harmless: it leaves the propose step at once when its
 * own proposal arrives, and it still moves on if no value comes back); messages of any other height
 * than the current one are ignored (the node keeps next-height messages and gives them after
 * StartHeight, so that each input the engine applies at a height is in that height's log); a
 * StartHeight for a later height also ends an undecided one (block sync committed it from a peer's
 * certificate). A validator can open at most {@value #MAX_CATCHUP_ROUNDS} rounds beyond the next one
 * (CometBFT's catch-up rounds): enough for the f+1 rule (L55) to see honest validators that moved
 * ahead, and a bound on what a Byzantine one can make the engine hold. Where the paper counts messages, an
 * equivocating validator counts once per value it voted for (see {@link VoteTally}), and a restarted
 * validator whose guard already signed a step re-sends that earlier message instead of a new one.
 */
public final class ConsensusEngine {
    /** Rounds beyond round + 1 that one validator's messages may open in a height. */
    static final int MAX_CATCHUP_ROUNDS = 2;

    private final EngineConfig config;
    private final VoteSigner signer;
    private final Address me;

    private HeightState hs;
    private ValidatorSet scheduleSet;
    private ProposerSchedule schedule;
    private int round;
    private Step step = Step.PROPOSE;
    private Hash32 lockedValue;
    private int lockedRound = -1;
    private Hash32 validValue;
    private int validRound = -1;

    public ConsensusEngine(EngineConfig config, VoteSigner signer) {
        this.config = config;
        this.signer = signer;
        this.me = signer.address();
    }

    public List<Output> apply(Input input) {
        List<Output> out = new ArrayList<>(4);
        if (input instanceof Input.StartHeight s) {
            onStartHeight(s, out);
        } else if (input instanceof Input.ProposalReceived p) {
            if (accepts(p.proposal().proposal().chainId(), p.proposal().proposal().height())) {
                ingestProposal(p.proposal(), out);
                evaluate(out);
            }
        } else if (input instanceof Input.VoteReceived v) {
            if (accepts(v.vote().vote().chainId(), v.vote().vote().height())) {
                ingestVote(v.vote(), out);
                evaluate(out);
            }
        } else if (input instanceof Input.TimeoutExpired t) {
            onTimeout(t, out);
        } else if (input instanceof Input.ValueValidity v) {
            onValidity(v, out);
        } else if (input instanceof Input.ValueToPropose v) {
            onValueToPropose(v, out);
        } else {
            throw new IllegalArgumentException("unknown input " + input);
        }
        return out;
    }

    public EngineState state() {
        return new EngineState(hs == null ? -1 : hs.height, round, step, lockedValue, lockedRound, validValue, validRound);
    }

    public Address address() {
        return me;
    }

    private void onStartHeight(Input.StartHeight s, List<Output> out) {
        if (hs != null && s.height() <= hs.height) {
            throw new IllegalStateException("height " + s.height() + " started after height " + hs.height);
        }
        if (schedule == null || !scheduleSet.equals(s.validators())) {
            schedule = new ProposerSchedule(s.validators());
            scheduleSet = s.validators();
        }
        hs = new HeightState(s.height(), s.validators(), schedule);
        // L53: a new height forgets the lock and the valid value of the previous one.
        lockedValue = null;
        lockedRound = -1;
        validValue = null;
        validRound = -1;
        startRound(0, out); // L10, L54
        evaluate(out);
    }

    /** Whether a message is for the current, undecided height. */
    private boolean accepts(String chainId, long height) {
        return chainId.equals(config.chainId()) && hs != null && height == hs.height && step != Step.DECIDED;
    }

    /**
     * Whether {@code input} can change anything: false for a message of another height or round range,
     * from a non-validator, or already counted, and for a stale timeout or answer. {@link #apply} of
     * such an input changes nothing and outputs nothing, so the node need not log it: a flood of
     * duplicates or far-round votes costs no disk sync.
     */
    public boolean admits(Input input) {
        if (input instanceof Input.ProposalReceived p) {
            Proposal pr = p.proposal().proposal();
            if (!accepts(pr.chainId(), pr.height()) || !proposalCounts(p.proposal())) {
                return false;
            }
            RoundState rs = hs.roundIfPresent(pr.round());
            return rs == null || rs.acceptsProposal(pr.value());
        }
        if (input instanceof Input.VoteReceived v) {
            SignedVote sv = v.vote();
            Vote vote = sv.vote();
            if (!accepts(vote.chainId(), vote.height()) || hs.validators.powerOf(sv.validator()) == 0
                    || !mayOpenRound(vote.round(), sv.validator())) {
                return false;
            }
            RoundState rs = hs.roundIfPresent(vote.round());
            return rs == null || !(vote.type() == MessageType.PREVOTE ? rs.prevotes : rs.precommits).counted(sv);
        }
        if (input instanceof Input.TimeoutExpired t) {
            return hs != null && t.height() == hs.height && t.round() == round && step != Step.DECIDED;
        }
        if (input instanceof Input.ValueValidity v) {
            return hs != null && v.height() == hs.height && hs.validity(v.value()) == Validity.PENDING;
        }
        return true;
    }

    /** Rounds up to the next are open to all; beyond, each validator may open a few (catch-up rounds). */
    private boolean mayOpenRound(int r, Address sender) {
        return r <= round + 1 || hs.roundIfPresent(r) != null || hs.catchUpRounds(sender) < MAX_CATCHUP_ROUNDS;
    }

    /** Opens the round for {@code sender}'s message, counting it as a catch-up round when it is one. */
    private RoundState openRound(int r, Address sender) {
        RoundState rs = hs.roundIfPresent(r);
        if (rs == null && r > round + 1) {
            hs.noteCatchUpRound(sender);
        }
        return rs != null ? rs : hs.round(r);
    }

    /** The proposal is from proposer(h, r), names an earlier proof-of-lock round, and may open its round. */
    private boolean proposalCounts(SignedProposal sp) {
        Proposal p = sp.proposal();
        if (p.round() < 0 || p.polRound() >= p.round()) {
            return false; // a proof-of-lock round must come before the proposal's round
        }
        // L22, L28, L36, L49: only the proposal "from proposer(h, r)" counts
        return sp.proposer().equals(hs.proposer(p.round())) && mayOpenRound(p.round(), sp.proposer());
    }

    private void ingestProposal(SignedProposal sp, List<Output> out) {
        Proposal p = sp.proposal();
        if (!proposalCounts(sp)) {
            return;
        }
        RoundState rs = openRound(p.round(), sp.proposer());
        if (!rs.addProposal(sp)) {
            return;
        }
        noteSender(rs, sp.proposer(), hs.validators.powerOf(sp.proposer()));
        if (!hs.validity.containsKey(p.value())) {
            hs.validity.put(p.value(), Validity.PENDING);
            out.add(new Output.ValidateValue(hs.height, p.round(), p.value()));
        }
    }

    private void ingestVote(SignedVote sv, List<Output> out) {
        Vote v = sv.vote();
        long power = hs.validators.powerOf(sv.validator());
        if (power == 0 || v.round() < 0 || !mayOpenRound(v.round(), sv.validator())) {
            return;
        }
        RoundState rs = openRound(v.round(), sv.validator());
        VoteTally tally = v.type() == MessageType.PREVOTE ? rs.prevotes : rs.precommits;
        VoteTally.Outcome outcome = tally.add(sv, power);
        if (outcome == VoteTally.Outcome.DUPLICATE) {
            return;
        }
        if (outcome == VoteTally.Outcome.EQUIVOCATION) {
            if (hs.reportedEquivocations.add(v.round() + "/" + v.type() + "/" + sv.validator())) {
                out.add(new Output.EvidenceFound(DuplicateVoteEvidence.of(tally.firstOf(sv.validator()), sv)));
            }
        } else {
            noteSender(rs, sv.validator(), power);
        }
        Hash32 value = v.value();
        if (value != null && hs.validators.isQuorum(tally.powerFor(value))) {
            if (v.type() == MessageType.PREVOTE) {
                if (rs.prevoteQuorumValue == null) {
                    rs.prevoteQuorumValue = value;
                }
            } else {
                Candidate c = new Candidate(v.round(), value);
                if (!hs.decisionCandidates.contains(c)) {
                    hs.decisionCandidates.add(c);
                }
            }
        }
    }

    private void noteSender(RoundState rs, Address sender, long power) {
        if (rs.addSender(sender, power) && rs.round > round && rs.round > hs.highestSkipRound
                && hs.validators.exceedsOneThird(rs.senderPower)) {
            hs.highestSkipRound = rs.round;
        }
    }

    private void onTimeout(Input.TimeoutExpired t, List<Output> out) {
        if (hs == null || t.height() != hs.height || t.round() != round || step == Step.DECIDED) {
            return; // L58, L62, L66: only a timeout of the current height and round acts
        }
        switch (t.kind()) {
            case PROPOSE -> {
                if (step == Step.PROPOSE) { // L57-L60
                    vote(MessageType.PREVOTE, null, out);
                    step = Step.PREVOTE;
                }
            }
            case PREVOTE -> {
                if (step == Step.PREVOTE) { // L61-L64
                    vote(MessageType.PRECOMMIT, null, out);
                    step = Step.PRECOMMIT;
                }
            }
            case PRECOMMIT -> startRound(round + 1, out); // L65-L67
        }
        evaluate(out);
    }

    private void onValidity(Input.ValueValidity v, List<Output> out) {
        if (hs == null || v.height() != hs.height || hs.validity(v.value()) != Validity.PENDING) {
            return;
        }
        hs.validity.put(v.value(), v.valid() ? Validity.VALID : Validity.INVALID);
        evaluate(out);
    }

    private void onValueToPropose(Input.ValueToPropose v, List<Output> out) {
        if (hs == null || v.height() != hs.height || v.round() != round || step != Step.PROPOSE) {
            return;
        }
        RoundState rs = hs.round(round);
        if (!rs.proposalRequested) {
            return;
        }
        rs.proposalRequested = false;
        hs.validity.put(v.value(), Validity.VALID); // getValue() returns a valid value
        propose(v.value(), -1, out); // L18-L19
        evaluate(out);
    }

    /** L11-L21. */
    private void startRound(int r, List<Output> out) {
        round = r; // L12
        step = Step.PROPOSE; // L13
        if (me.equals(hs.proposer(r)) && hs.validators.contains(me)) { // L14
            if (validValue != null) {
                propose(validValue, validRound, out); // L15-L16, L19
            } else {
                hs.round(r).proposalRequested = true;
                out.add(new Output.RequestValue(hs.height, r)); // L18: getValue()
            }
        }
        out.add(new Output.ScheduleTimeout(TimeoutKind.PROPOSE, hs.height, r,
                config.timeouts().duration(TimeoutKind.PROPOSE, r))); // L21
    }

    /**
     * Applies every rule whose condition now holds, until none does. Each rule is guarded by the step
     * or by its "for the first time" flag, so the loop ends.
     */
    private void evaluate(List<Output> out) {
        while (step != Step.DECIDED) {
            if (tryDecide(out)) { // L49
                return;
            }
            if (hs.highestSkipRound > round) { // L55-L56
                startRound(hs.highestSkipRound, out);
                continue;
            }
            RoundState rs = hs.round(round);
            if (step == Step.PROPOSE && tryPrevote(rs, out)) { // L22, L28
                continue;
            }
            if (step == Step.PREVOTE && !rs.prevoteTimeoutScheduled && quorum(rs.prevotes.totalPower())) { // L34-L35
                rs.prevoteTimeoutScheduled = true;
                out.add(timeout(TimeoutKind.PREVOTE));
            }
            if (step != Step.PROPOSE && !rs.lockRuleFired && tryLock(rs, out)) { // L36
                continue;
            }
            if (step == Step.PREVOTE && quorum(rs.prevotes.powerFor(null))) { // L44-L46
                vote(MessageType.PRECOMMIT, null, out);
                step = Step.PRECOMMIT;
                continue;
            }
            if (!rs.precommitTimeoutScheduled && quorum(rs.precommits.totalPower())) { // L47-L48
                rs.precommitTimeoutScheduled = true;
                out.add(timeout(TimeoutKind.PRECOMMIT));
            }
            return;
        }
    }

    /** L22-L33: prevote on the proposal of this round. */
    private boolean tryPrevote(RoundState rs, List<Output> out) {
        SignedProposal sp = rs.firstProposal;
        if (sp == null) {
            return false;
        }
        Hash32 v = sp.proposal().value();
        int vr = sp.proposal().polRound();
        Validity validity = hs.validity(v);
        if (validity == Validity.PENDING) {
            return false; // valid(v) is not known yet
        }
        boolean valid = validity == Validity.VALID;
        if (vr == -1) { // L22
            boolean accept = valid && (lockedRound == -1 || v.equals(lockedValue)); // L23
            vote(MessageType.PREVOTE, accept ? v : null, out); // L24, L26
            step = Step.PREVOTE; // L27
            return true;
        }
        RoundState pol = hs.roundIfPresent(vr);
        if (pol == null || !quorum(pol.prevotes.powerFor(v))) {
            return false; // L28 needs 2f+1 PREVOTE(h, vr, id(v))
        }
        boolean accept = valid && (lockedRound <= vr || v.equals(lockedValue)); // L29
        vote(MessageType.PREVOTE, accept ? v : null, out); // L30, L32
        step = Step.PREVOTE; // L33
        return true;
    }

    /** L36-L43: a proposal with 2f+1 prevotes in this round. */
    private boolean tryLock(RoundState rs, List<Output> out) {
        Hash32 v = rs.prevoteQuorumValue;
        if (v == null || !rs.proposals.containsKey(v) || hs.validity(v) != Validity.VALID) {
            return false;
        }
        rs.lockRuleFired = true;
        if (step == Step.PREVOTE) { // L37
            lockedValue = v; // L38
            lockedRound = round; // L39
            vote(MessageType.PRECOMMIT, v, out); // L40
            step = Step.PRECOMMIT; // L41
        }
        validValue = v; // L42
        validRound = round; // L43
        return true;
    }

    /** L49-L54: a proposal with 2f+1 precommits in any round of this height. */
    private boolean tryDecide(List<Output> out) {
        for (Candidate c : hs.decisionCandidates) {
            RoundState rs = hs.roundIfPresent(c.round());
            if (!rs.proposals.containsKey(c.value()) || hs.validity(c.value()) != Validity.VALID) { // L50
                continue;
            }
            step = Step.DECIDED; // L51: decision_p[h_p] = v
            CommitCertificate certificate = CommitCertificates.of(rs.precommits.votesFor(c.value()));
            out.add(new Output.Decide(hs.height, c.round(), c.value(), certificate));
            return true;
        }
        return false;
    }

    private void propose(Hash32 value, int polRound, List<Output> out) {
        Proposal p = new Proposal(config.chainId(), hs.height, round, value, polRound);
        SignOutcome outcome = signer.sign(p);
        if (outcome instanceof SignOutcome.Signed s) {
            SignedProposal sp = new SignedProposal(p, me, s.signature());
            out.add(new Output.BroadcastProposal(sp));
            ingestProposal(sp, out);
        } else if (outcome instanceof SignOutcome.AlreadySigned earlier) {
            // We proposed something else in this round before a restart: that proposal stands.
            SignedProposal sp = new SignedProposal(Proposal.fromSignBytes(earlier.signBytes()), me, earlier.signature());
            out.add(conflict(MessageType.PROPOSAL));
            out.add(new Output.BroadcastProposal(sp));
            ingestProposal(sp, out);
        } else {
            out.add(new Output.SigningRefused(MessageType.PROPOSAL, hs.height, round, (SignOutcome.Refused) outcome));
        }
    }

    /** broadcast ⟨type, h_p, round_p, value⟩, which we also deliver to ourselves. */
    private void vote(MessageType type, Hash32 value, List<Output> out) {
        if (!hs.validators.contains(me)) {
            return; // an observer follows the rounds without voting
        }
        Vote v = new Vote(config.chainId(), type, hs.height, round, value);
        SignOutcome outcome = signer.sign(v);
        if (outcome instanceof SignOutcome.Signed s) {
            SignedVote sv = new SignedVote(v, me, s.signature());
            out.add(new Output.BroadcastVote(sv));
            ingestVote(sv, out);
        } else if (outcome instanceof SignOutcome.AlreadySigned earlier) {
            // We voted differently in this step before a restart: that vote stands, and we re-send it.
            SignedVote sv = new SignedVote(Vote.fromSignBytes(earlier.signBytes()), me, earlier.signature());
            out.add(conflict(type));
            out.add(new Output.BroadcastVote(sv));
            ingestVote(sv, out);
        } else {
            out.add(new Output.SigningRefused(type, hs.height, round, (SignOutcome.Refused) outcome));
        }
    }

    private Output conflict(MessageType type) {
        return new Output.SigningRefused(type, hs.height, round, new SignOutcome.Refused(SignOutcome.Reason.CONFLICT,
                type + " at height " + hs.height + " round " + round + " was signed before with other content; re-sent that"));
    }

    private Output timeout(TimeoutKind kind) {
        return new Output.ScheduleTimeout(kind, hs.height, round, config.timeouts().duration(kind, round));
    }

    private boolean quorum(long power) {
        return hs.validators.isQuorum(power);
    }
}
