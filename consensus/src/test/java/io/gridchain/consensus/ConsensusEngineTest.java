package io.gridchain.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.certificate.CommitCertificateVerifier;
import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.signing.InMemorySignGuardStore;
import io.gridchain.core.crypto.Hash32;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single-engine stories for the rules of Algorithm 1, fed with real signed messages. */
class ConsensusEngineTest {
    final Fixture f = new Fixture(10, 10, 10, 10);
    final Hash32 a = Fixture.value("a");
    final Hash32 b = Fixture.value("b");

    /** An engine for a validator that is not the proposer of rounds 0 and 1 at height 1. */
    int me() {
        for (int i = 0; i < 4; i++) {
            if (i != f.proposerIndex(1, 0) && i != f.proposerIndex(1, 1)) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    List<Integer> others(int me) {
        List<Integer> o = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            if (i != me) {
                o.add(i);
            }
        }
        return o;
    }

    static List<SignedVote> votes(List<Output> outputs, MessageType type) {
        List<SignedVote> out = new ArrayList<>();
        for (Output o : outputs) {
            if (o instanceof Output.BroadcastVote v && v.vote().vote().type() == type) {
                out.add(v.vote());
            }
        }
        return out;
    }

    @Test
    void happyPathDecidesWithAVerifiableCertificate() {
        int me = me();
        int p0 = f.proposerIndex(1, 0);
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        List<Output> out = e.apply(new Input.StartHeight(1, f.set));
        assertThat(out).contains(new Output.ScheduleTimeout(TimeoutKind.PROPOSE, 1, 0, 300)); // L21
        out = e.apply(f.proposal(p0, 1, 0, a, -1));
        assertThat(out).containsExactly(new Output.ValidateValue(1, 0, a));
        out = e.apply(new Input.ValueValidity(1, a, true));
        assertThat(votes(out, MessageType.PREVOTE)).singleElement().satisfies(v -> assertThat(v.vote().value()).isEqualTo(a)); // L24
        List<Output> all = new ArrayList<>();
        for (int i : others(me)) {
            all.addAll(e.apply(f.prevote(i, 1, 0, a)));
        }
        assertThat(votes(all, MessageType.PRECOMMIT)).singleElement().satisfies(v -> assertThat(v.vote().value()).isEqualTo(a)); // L40
        assertThat(e.state().lockedValue()).isEqualTo(a);
        assertThat(e.state().lockedRound()).isZero();
        all.clear();
        for (int i : others(me)) {
            all.addAll(e.apply(f.precommit(i, 1, 0, a)));
        }
        Output.Decide d = all.stream().filter(o -> o instanceof Output.Decide).map(o -> (Output.Decide) o).findFirst().orElseThrow();
        assertThat(d.value()).isEqualTo(a);
        assertThat(CommitCertificateVerifier.SECP256K1.verify(d.certificate(), f.set, Fixture.CHAIN, 1, a).isValid()).isTrue();
        assertThat(e.state().step()).isEqualTo(Step.DECIDED);
    }

    @Test
    void invalidValueGetsANilPrevote() {
        int me = me();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        e.apply(f.proposal(f.proposerIndex(1, 0), 1, 0, a, -1));
        List<Output> out = e.apply(new Input.ValueValidity(1, a, false));
        assertThat(votes(out, MessageType.PREVOTE)).singleElement().satisfies(v -> assertThat(v.vote().isNil()).isTrue()); // L26
    }

    @Test
    void proposalFromSomeoneElseThanTheProposerIsIgnored() {
        int me = me();
        int notProposer = others(me).stream().filter(i -> i != f.proposerIndex(1, 0)).findFirst().orElseThrow();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        assertThat(e.apply(f.proposal(notProposer, 1, 0, a, -1))).isEmpty();
    }

    @Test
    void timeoutsGrowWithTheRoundAndNilQuorumPrecommitsNil() {
        int me = me();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        List<Output> out = e.apply(new Input.TimeoutExpired(TimeoutKind.PROPOSE, 1, 0)); // L57
        assertThat(votes(out, MessageType.PREVOTE)).singleElement().satisfies(v -> assertThat(v.vote().isNil()).isTrue());
        List<Output> all = new ArrayList<>();
        for (int i : others(me)) {
            all.addAll(e.apply(f.prevote(i, 1, 0, null)));
        }
        assertThat(all).contains(new Output.ScheduleTimeout(TimeoutKind.PREVOTE, 1, 0, 150)); // L34
        assertThat(votes(all, MessageType.PRECOMMIT)).singleElement().satisfies(v -> assertThat(v.vote().isNil()).isTrue()); // L44
        all.clear();
        for (int i : others(me)) {
            all.addAll(e.apply(f.precommit(i, 1, 0, null)));
        }
        assertThat(all).contains(new Output.ScheduleTimeout(TimeoutKind.PRECOMMIT, 1, 0, 150)); // L47
        out = e.apply(new Input.TimeoutExpired(TimeoutKind.PRECOMMIT, 1, 0)); // L65
        assertThat(e.state().round()).isEqualTo(1);
        assertThat(out).contains(new Output.ScheduleTimeout(TimeoutKind.PROPOSE, 1, 1, 400));
    }

    @Test
    void aLockedValidatorRefusesANewValueButAcceptsItsReProposalWithAProofOfLock() {
        int me = me();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        e.apply(f.proposal(f.proposerIndex(1, 0), 1, 0, a, -1));
        e.apply(new Input.ValueValidity(1, a, true));
        List<Integer> o = others(me);
        e.apply(f.prevote(o.get(0), 1, 0, a));
        e.apply(f.prevote(o.get(1), 1, 0, a)); // locks on a in round 0 (L36)
        assertThat(e.state().lockedValue()).isEqualTo(a);
        e.apply(f.precommit(o.get(0), 1, 0, null));
        e.apply(f.precommit(o.get(1), 1, 0, null));
        e.apply(new Input.TimeoutExpired(TimeoutKind.PRECOMMIT, 1, 0));
        assertThat(e.state().round()).isEqualTo(1);
        int p1 = f.proposerIndex(1, 1);
        e.apply(f.proposal(p1, 1, 1, b, -1));
        List<Output> out = e.apply(new Input.ValueValidity(1, b, true));
        assertThat(votes(out, MessageType.PREVOTE)).singleElement().satisfies(v -> assertThat(v.vote().isNil()).isTrue()); // L23
        assertThat(e.state().validValue()).isEqualTo(a);
    }

    @Test
    void anUnlockedValidatorPrevotesForAReProposalJustifiedByAProofOfLock() {
        int me = me();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        List<Integer> o = others(me);
        for (int i : o) {
            e.apply(f.prevote(i, 1, 0, a)); // a POL for a in round 0, no proposal seen
        }
        e.apply(new Input.TimeoutExpired(TimeoutKind.PROPOSE, 1, 0));
        for (int i : o) {
            e.apply(f.precommit(i, 1, 0, null));
        }
        e.apply(new Input.TimeoutExpired(TimeoutKind.PRECOMMIT, 1, 0));
        e.apply(f.proposal(f.proposerIndex(1, 1), 1, 1, a, 0));
        List<Output> out = e.apply(new Input.ValueValidity(1, a, true));
        assertThat(votes(out, MessageType.PREVOTE)).singleElement().satisfies(v -> assertThat(v.vote().value()).isEqualTo(a)); // L30
    }

    @Test
    void fPlusOneMessagesFromAHigherRoundMoveUsThere() {
        int me = me();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        List<Integer> o = others(me);
        e.apply(f.prevote(o.get(0), 1, 5, null));
        assertThat(e.state().round()).isZero();
        e.apply(f.precommit(o.get(1), 1, 5, null)); // 20 of 40 > 1/3 (L55)
        assertThat(e.state().round()).isEqualTo(5);
    }

    @Test
    void decidesOnPrecommitsOfAnEarlierRound() {
        int me = me();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        for (int i : others(me)) {
            e.apply(f.prevote(i, 1, 3, null));
        }
        assertThat(e.state().round()).isEqualTo(3);
        e.apply(f.proposal(f.proposerIndex(1, 0), 1, 0, a, -1));
        e.apply(new Input.ValueValidity(1, a, true));
        List<Output> all = new ArrayList<>();
        for (int i : others(me)) {
            all.addAll(e.apply(f.precommit(i, 1, 0, a))); // L49: any round
        }
        assertThat(all).anySatisfy(x -> assertThat(x).isInstanceOf(Output.Decide.class));
    }

    @Test
    void aDoubleVoteBecomesEvidence() {
        int me = me();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        int x = others(me).get(0);
        e.apply(f.prevote(x, 1, 0, a));
        List<Output> out = e.apply(f.prevote(x, 1, 0, b));
        assertThat(out).singleElement().isInstanceOf(Output.EvidenceFound.class);
        assertThat(e.apply(f.prevote(x, 1, 0, b))).isEmpty();
    }

    @Test
    void theProposerAsksForAValueAndProposesIt() {
        int p = f.proposerIndex(1, 0);
        ConsensusEngine e = f.engine(p, new InMemorySignGuardStore());
        assertThat(e.apply(new Input.StartHeight(1, f.set))).contains(new Output.RequestValue(1, 0)); // L18
        List<Output> out = e.apply(new Input.ValueToPropose(1, 0, a));
        assertThat(out.get(0)).isInstanceOf(Output.BroadcastProposal.class); // L19
        assertThat(votes(out, MessageType.PREVOTE)).singleElement().satisfies(v -> assertThat(v.vote().value()).isEqualTo(a));
    }

    /**
     * The engine holds nothing back: a message of the next height changes nothing now (the node holds it
     * and gives it again after StartHeight, so that it is logged in that height's WAL), and the engine
     * says so before it is logged.
     */
    @Test
    void messagesOfAnotherHeightAreNotAdmittedAndLeaveNoTrace() {
        int me = me();
        ConsensusEngine e = f.engine(me, new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        Input early = f.proposal(f.proposerIndex(2, 0), 2, 0, b, -1);
        assertThat(e.admits(early)).isFalse();
        assertThat(e.apply(early)).isEmpty();
        assertThat(e.apply(new Input.StartHeight(2, f.set))).doesNotContain(new Output.ValidateValue(2, 0, b));
        assertThat(e.admits(early)).isTrue();
        assertThat(e.apply(early)).contains(new Output.ValidateValue(2, 0, b));
        assertThat(e.admits(early)).as("a duplicate").isFalse();
    }

    /** A validator may open at most two rounds beyond the next; each is a round state the engine keeps. */
    @Test
    void oneValidatorCannotOpenRoundsWithoutBound() {
        ConsensusEngine e = f.engine(me(), new InMemorySignGuardStore());
        e.apply(new Input.StartHeight(1, f.set));
        int byzantine = (me() + 1) % 4;
        assertThat(e.admits(f.prevote(byzantine, 1, 1, b))).as("the next round").isTrue();
        for (int r = 100; r < 103; r++) {
            Input far = f.prevote(byzantine, 1, r, b);
            boolean admitted = e.admits(far);
            e.apply(far);
            assertThat(admitted).as("far round %d", r).isEqualTo(r < 102);
        }
        assertThat(e.admits(f.prevote(byzantine, 1, 101, null))).as("a round it already opened").isTrue();
        int other = (me() + 2) % 4;
        assertThat(e.admits(f.prevote(other, 1, 500, b))).as("another validator's own catch-up rounds").isTrue();
    }
}
