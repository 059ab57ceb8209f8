package io.gridchain.core.exec;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Account;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.account.TransferHandler;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.testing.InMemoryState;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.core.tx.UnsignedTransaction;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionExecutorTest {
    private static final long CHAIN = 1337;
    private final SigningKey alice = SigningKey.random(new SecureRandom());
    private final Address bob = SigningKey.random(new SecureRandom()).address();
    private final Address proposer = SigningKey.random(new SecureRandom()).address();
    private final TransactionExecutor executor = new TransactionExecutor(new TransactionKinds().register(new TransferHandler()));
    private final BlockInfo block = new BlockInfo(CHAIN, 1, 1_000, proposer, ChainParams.DEFAULTS);
    private final InMemoryState committed = new InMemoryState();
    private StateOverlay state;

    @BeforeEach
    void fundAlice() {
        StateOverlay genesis = new StateOverlay(committed);
        Account.STATE.put(genesis, alice.address(), new Account(1_000_000, 0));
        committed.commit(genesis);
        state = new StateOverlay(committed);
    }

    private Transaction transfer(long nonce, long fee, long amount) {
        return new UnsignedTransaction(CHAIN, nonce, fee, new Transfer(bob, amount)).signWith(alice);
    }

    private String rejectionCode(TxOutcome outcome) {
        assertThat(outcome).isInstanceOf(TxOutcome.Rejected.class);
        return ((TxOutcome.Rejected) outcome).rejection().code();
    }

    @Test
    void aTransferMovesTheAmountAndPaysTheFeeToTheProposer() {
        TxOutcome outcome = executor.execute(state, block, transfer(0, 1_000, 250_000));
        assertThat(outcome).isInstanceOf(TxOutcome.Applied.class);
        assertThat(Account.STATE.get(state, alice.address())).contains(new Account(749_000, 1));
        assertThat(Account.STATE.get(state, bob)).contains(new Account(250_000, 0));
        assertThat(Account.STATE.get(state, proposer)).contains(new Account(1_000, 0));
    }

    @Test
    void envelopeRulesAreCheckedWithSpecificReasons() {
        assertThat(rejectionCode(executor.execute(state, block, transfer(1, 1_000, 1)))).isEqualTo(Rejection.NONCE_GAP);
        assertThat(rejectionCode(executor.execute(state, block, transfer(0, 999, 1)))).isEqualTo(Rejection.FEE_TOO_LOW);
        assertThat(rejectionCode(executor.execute(state, block, transfer(0, 1_000, 999_001))))
                .isEqualTo(Rejection.INSUFFICIENT_BALANCE);
        Transaction otherChain = new UnsignedTransaction(7, 0, 1_000, new Transfer(bob, 1)).signWith(alice);
        assertThat(rejectionCode(executor.execute(state, block, otherChain))).isEqualTo(Rejection.WRONG_CHAIN);

        executor.execute(state, block, transfer(0, 1_000, 1));
        assertThat(rejectionCode(executor.execute(state, block, transfer(0, 1_000, 1)))).isEqualTo(Rejection.NONCE_USED);
    }

    @Test
    void anUnknownKindOrAMalformedPayloadIsRefused() {
        TxPayload unknown = new TxPayload() {
            public String kind() {
                return "teleport";
            }

            public byte[] encode() {
                return Rlp.list();
            }
        };
        Transaction tx = new UnsignedTransaction(CHAIN, 0, 1_000, unknown).signWith(alice);
        assertThat(rejectionCode(executor.execute(state, block, tx))).isEqualTo(Rejection.UNKNOWN_KIND);

        TxPayload badTransfer = new TxPayload() {
            public String kind() {
                return Transfer.KIND;
            }

            public byte[] encode() {
                return Rlp.list(Rlp.bytes(new byte[19]), Rlp.uint(1));
            }
        };
        Transaction bad = new UnsignedTransaction(CHAIN, 0, 1_000, badTransfer).signWith(alice);
        TxOutcome outcome = executor.execute(state, block, bad);
        assertThat(rejectionCode(outcome)).isEqualTo(Rejection.MALFORMED);
        assertThat(((TxOutcome.Rejected) outcome).rejection().detail()).contains("to must be 20 bytes");
    }

    @Test
    void aRejectedTransactionLeavesNoWriteBehind() {
        executor.execute(state, block, transfer(0, 1_000, 0));
        assertThat(state.isEmpty()).isTrue();
        assertThat(Account.STATE.get(state, alice.address())).contains(new Account(1_000_000, 0));
    }

    @Test
    void theProposerDropsFailingTransactionsAndReplayRefusesABlockWithOne() {
        BlockExecutor blocks = new BlockExecutor(executor, List.of());
        List<Transaction> candidates = List.of(transfer(0, 1_000, 10), transfer(5, 1_000, 10), transfer(1, 1_000, 10));
        BlockExecutor.Built built = blocks.build(committed, block, candidates, 1 << 20);
        assertThat(built.executed().included()).extracting(Transaction::nonce).containsExactly(0L, 1L);
        assertThat(built.dropped()).singleElement().satisfies(d -> assertThat(d.reason().code()).isEqualTo(Rejection.NONCE_GAP));
        assertThat(built.executed().receipts()).extracting(Receipt::index).containsExactly(0, 1);

        BlockExecutor.Replayed replayed = blocks.replay(committed, block, candidates);
        assertThat(replayed).isInstanceOfSatisfying(BlockExecutor.Replayed.Invalid.class, i -> assertThat(i.index()).isEqualTo(1));
    }
}
