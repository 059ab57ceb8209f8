package io.gridchain.node.bft;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.EngineState;
import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.block.Block;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.chain.PreparedBlock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of a running validator that the engine's own simulation cannot see, each on the real driver
 * with its real WAL, guard and LevelDB store: the test plays the three other validators.
 */
class ConsensusDriverFaultsTest {
    @TempDir
    Path dir;
    private DriverHarness h;

    @AfterEach
    void close() {
        if (h != null) {
            h.close();
        }
    }

    /**
     * Defect: the proposal of height 2 arrived while the validator paused after committing height 1; it
     * was logged in height 1's WAL, which starting height 2 cut, so after a crash the replayed height had
     * lost it and with it the validator's lock, which a Byzantine validator could use to fork.
     */
    @Test
    void aLockTakenOnAProposalThatCameDuringThePauseSurvivesACrash() throws Exception {
        h = new DriverHarness(dir, Duration.ofMillis(1500), Clock.systemUTC());
        h.startDriver();
        commitHeightOne();
        // still in the pause after height 1: the next proposal comes early
        SigningKey p2 = h.proposer(2, 0);
        PreparedBlock b2 = h.build(p2, System.currentTimeMillis(), List.of());
        h.propose(p2, b2.block(), 0);
        assertThat(h.progress().height()).as("the driver is still at height 1").isEqualTo(1);
        SignedVote prevote = h.awaitVote(MessageType.PREVOTE, 2, 0);
        assertThat(prevote.vote().value()).isEqualTo(b2.block().hash());
        h.vote(MessageType.PREVOTE, 2, 0, b2.block().hash(), h.othersStartingWith(p2).subList(0, 2));
        SignedVote precommit = h.awaitVote(MessageType.PRECOMMIT, 2, 0);
        assertThat(precommit.vote().value()).isEqualTo(b2.block().hash());
        EngineState before = h.progress();
        assertThat(before.lockedValue()).isEqualTo(b2.block().hash());

        h.crash();
        h.startDriver();
        DriverHarness.await("the WAL replayed", () -> h.progress().height() == 2);
        EngineState after = h.progress();
        assertThat(after.lockedValue()).as("the lock after replay").isEqualTo(before.lockedValue());
        assertThat(after.lockedRound()).isEqualTo(before.lockedRound());
        assertThat(after.step()).isEqualTo(before.step());
    }

    /**
     * Defect: a relay sent the signed proposal first with one transaction removed from its block. The
     * header hash (the proposal's value) still matched, the driver kept the first body it saw, found
     * the transactions root wrong and held the value invalid for the whole height: it never prevoted
     * the real block.
     */
    @Test
    void aForgedBodyRelayedFirstIsDroppedAndTheRealBlockGetsThePrevote() throws Exception {
        h = new DriverHarness(dir, Duration.ofMillis(200), Clock.systemUTC());
        h.startDriver();
        SigningKey p1 = h.proposer(1, 0);
        PreparedBlock b1 = h.build(p1, System.currentTimeMillis(), transfers(3));
        assertThat(b1.block().transactions()).hasSize(3);
        Block forged = new Block(b1.block().header(), b1.block().transactions().subList(0, 2), b1.block().lastCommit());
        SignedProposal sp = h.propose(p1, forged, 0);
        h.publish(new ConsensusMessage.ProposalWithBlock(sp, b1.block()));
        SignedVote prevote = h.awaitVote(MessageType.PREVOTE, 1, 0);
        assertThat(prevote.vote().value()).as("the prevote of round 0").isEqualTo(b1.block().hash());
    }

    /**
     * Defect: only "after the parent" bounded block time, so a Byzantine proposer's block dated far ahead
     * was prevoted and, once committed, settled every lease up to that time.
     */
    @Test
    void aProposalDatedBeyondTheClockDriftGetsNilAndOneWithinItTheBlock() throws Exception {
        h = new DriverHarness(dir, Duration.ofMillis(200), Clock.systemUTC());
        h.startDriver();
        SigningKey p1 = h.proposer(1, 0);
        PreparedBlock future = h.build(p1, System.currentTimeMillis() + 60_000, List.of());
        h.propose(p1, future.block(), 0);
        assertThat(h.awaitVote(MessageType.PREVOTE, 1, 0).vote().value()).as("prevote on a block 60 s ahead").isNull();

        h.close();
        h = new DriverHarness(dir.resolve("second"), Duration.ofMillis(200), Clock.systemUTC());
        h.startDriver();
        SigningKey q1 = h.proposer(1, 0);
        PreparedBlock near = h.build(q1, System.currentTimeMillis() + 1_000, List.of());
        h.propose(q1, near.block(), 0);
        assertThat(h.awaitVote(MessageType.PREVOTE, 1, 0).vote().value()).as("prevote on a block 1 s ahead")
                .isEqualTo(near.block().hash());
    }

    private void commitHeightOne() throws Exception {
        SigningKey p1 = h.proposer(1, 0);
        PreparedBlock b1 = h.build(p1, System.currentTimeMillis(), List.of());
        h.propose(p1, b1.block(), 0);
        h.vote(MessageType.PREVOTE, 1, 0, b1.block().hash(), h.othersStartingWith(p1));
        h.decideByOthers(b1, p1, 0);
        DriverHarness.await("height 1 committed by the driver", () -> h.ledger.head().height() == 1);
    }

    private List<Transaction> transfers(int n) {
        List<Transaction> txs = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < n; i++) {
            txs.add(new UnsignedTransaction(DriverHarness.CHAIN_ID, i, 1_000,
                    new Transfer(SigningKey.random(random).address(), 5)).signWith(h.funded));
        }
        return txs;
    }
}
