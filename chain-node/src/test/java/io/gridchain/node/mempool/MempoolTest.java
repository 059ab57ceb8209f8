package io.gridchain.node.mempool;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.testing.InMemoryState;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.Metadata;
import io.gridchain.node.chain.ChainRules;
import io.gridchain.node.testing.TestChain;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MempoolTest {
    private final TestChain chain = new TestChain(3, ChainParams.DEFAULTS,
            d -> d.withIdentity(io.gridchain.genesis.GenesisDocument.IdentitySection.DEV)); // open registration
    private final InMemoryState state = new InMemoryState();
    private final Address bob = SigningKey.random(new SecureRandom()).address();
    private Mempool pool = newPool(Mempool.Limits.DEFAULT);

    MempoolTest() {
        io.gridchain.core.state.StateOverlay genesis = new io.gridchain.core.state.StateOverlay(state);
        chain.genesis.state().changes().forEach((k, v) -> genesis.put(k, v.orElseThrow()));
        state.commit(genesis);
    }

    private Mempool newPool(Mempool.Limits limits) {
        return new Mempool(ChainRules.standard().transactions(), () -> state,
                () -> new BlockInfo(TestChain.CHAIN_ID, 1, 0, Address.of(new byte[20]), ChainParams.DEFAULTS), limits);
    }

    private Transaction transfer(SigningKey from, long nonce, long amount) {
        return new UnsignedTransaction(TestChain.CHAIN_ID, nonce, 1_000, new Transfer(bob, amount)).signWith(from);
    }

    private String refusal(Admission a) {
        assertThat(a).isInstanceOf(Admission.Refused.class);
        return ((Admission.Refused) a).rejection().code();
    }

    @Test
    void keepsEachSendersTransactionsInNonceOrderAndRefusesGapsAndDuplicates() {
        SigningKey alice = chain.accounts.get(0);
        assertThat(pool.add(transfer(alice, 0, 1))).isInstanceOf(Admission.Accepted.class);
        assertThat(pool.add(transfer(alice, 1, 1))).isInstanceOf(Admission.Accepted.class);
        assertThat(refusal(pool.add(transfer(alice, 1, 1)))).isEqualTo(Mempool.DUPLICATE);
        assertThat(refusal(pool.add(transfer(alice, 3, 1)))).isEqualTo(Rejection.NONCE_GAP);
        assertThat(refusal(pool.add(transfer(alice, 1, 2)))).isEqualTo(Rejection.NONCE_USED);
        assertThat(pool.pendingNonce(alice.address())).contains(2L);
        assertThat(pool.candidates(1 << 20)).extracting(Transaction::nonce).containsExactly(0L, 1L);
    }

    @Test
    void proposesFirstComeFirstServedAcrossSendersAndInNonceOrderWithinOne() {
        SigningKey alice = chain.accounts.get(0);
        SigningKey carol = chain.accounts.get(1);
        Transaction a0 = transfer(alice, 0, 1);
        Transaction a1 = transfer(alice, 1, 1);
        Transaction c0 = transfer(carol, 0, 1);
        Transaction a2 = transfer(alice, 2, 1);
        Transaction c1 = transfer(carol, 1, 1);
        for (Transaction tx : java.util.List.of(a0, a1, c0, a2, c1)) {
            assertThat(pool.add(tx)).isInstanceOf(Admission.Accepted.class);
        }
        assertThat(pool.candidates(1 << 20)).containsExactly(a0, a1, c0, a2, c1);
        assertThat(pool.candidates(1 << 20, 3)).containsExactly(a0, a1, c0);
    }

    @Test
    void aQueueBehindATransactionThatLosesANameRaceTakesNoPlaceUnderTheProposalCap() {
        SigningKey alice = chain.accounts.get(0);
        SigningKey carol = chain.accounts.get(1);
        SigningKey dave = chain.accounts.get(2);
        Transaction aliceTakes = new UnsignedTransaction(TestChain.CHAIN_ID, 0, 1_000,
                TransactionBuilders.register("contested", Metadata.EMPTY)).signWith(alice);
        assertThat(pool.add(aliceTakes)).isInstanceOf(Admission.Accepted.class);
        // alone on the committed state carol's registration applies too, and so do the 5 behind it
        assertThat(pool.add(new UnsignedTransaction(TestChain.CHAIN_ID, 0, 1_000,
                TransactionBuilders.register("contested", Metadata.EMPTY)).signWith(carol))).isInstanceOf(Admission.Accepted.class);
        for (int i = 1; i <= 5; i++) {
            assertThat(pool.add(transfer(carol, i, 1))).isInstanceOf(Admission.Accepted.class);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(pool.add(transfer(dave, i, 1))).isInstanceOf(Admission.Accepted.class);
        }
        // a cap of 4 filled by transactions that will apply: alice's, then dave's, none of carol's
        assertThat(pool.candidates(1 << 20, 4)).extracting(Transaction::sender)
                .containsExactly(java.util.Optional.of(alice.address()), java.util.Optional.of(dave.address()),
                        java.util.Optional.of(dave.address()), java.util.Optional.of(dave.address()));
        assertThat(pool.size()).isEqualTo(10); // proposing drops nothing: the commit decides
    }

    @Test
    void countsPendingSpendingAgainstTheBalance() {
        SigningKey alice = chain.accounts.get(0);
        assertThat(pool.add(transfer(alice, 0, TestChain.FUNDS - 2_000))).isInstanceOf(Admission.Accepted.class);
        assertThat(refusal(pool.add(transfer(alice, 1, 1)))).isEqualTo(Rejection.INSUFFICIENT_BALANCE);
    }

    @Test
    void refusesBadSignaturesAndUnfundedSenders() {
        SigningKey stranger = SigningKey.random(new SecureRandom());
        assertThat(refusal(pool.add(transfer(stranger, 0, 1)))).isEqualTo(Rejection.INSUFFICIENT_BALANCE);
    }

    @Test
    void isBoundedByCountAndPerSender() {
        pool = newPool(new Mempool.Limits(3, 1 << 20, 2));
        SigningKey alice = chain.accounts.get(0);
        SigningKey carol = chain.accounts.get(1);
        pool.add(transfer(alice, 0, 1));
        pool.add(transfer(alice, 1, 1));
        assertThat(refusal(pool.add(transfer(alice, 2, 1)))).isEqualTo(Mempool.SENDER_LIMIT);
        pool.add(transfer(carol, 0, 1));
        assertThat(refusal(pool.add(transfer(carol, 1, 1)))).isEqualTo(Mempool.POOL_FULL);
    }

    @Test
    void aBlockThatWritesNothingASenderReadLeavesItsQueueAsItWas() {
        SigningKey alice = chain.accounts.get(0);
        SigningKey carol = chain.accounts.get(1);
        pool.add(transfer(alice, 0, 1));
        pool.add(transfer(carol, 0, 1));
        // carol's balance shrinks in a block: alice read nothing of it, carol's queue is re-executed
        io.gridchain.core.state.StateOverlay next = new io.gridchain.core.state.StateOverlay(state);
        io.gridchain.core.account.Account.STATE.put(next, carol.address(), new io.gridchain.core.account.Account(10, 0));
        state.commit(next);
        pool.afterCommit(Set.of(), next.changes());
        assertThat(pool.pendingNonce(alice.address())).contains(1L);
        assertThat(pool.pendingNonce(carol.address())).isEmpty();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void afterACommitDropsIncludedAndNoLongerValidTransactions() {
        SigningKey alice = chain.accounts.get(0);
        Transaction t0 = transfer(alice, 0, 1);
        Transaction t1 = transfer(alice, 1, 1);
        pool.add(t0);
        pool.add(t1);
        // the chain moved on without this pool: nonce 0 and 1 are now used by other transactions
        io.gridchain.core.state.StateOverlay next = new io.gridchain.core.state.StateOverlay(state);
        io.gridchain.core.account.Account.STATE.put(next, alice.address(),
                new io.gridchain.core.account.Account(TestChain.FUNDS, 1));
        state.commit(next);
        pool.afterCommit(Set.of(), next.changes());
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.get(t0.hash())).isEmpty();
        pool.afterCommit(Set.of(t1.hash()), Map.of());
        assertThat(pool.size()).isZero();
        assertThat(pool.sizeInBytes()).isZero();
    }

    /** A test kind whose validity reads another account: it applies only if {@code who} holds {@code atLeast}. */
    private record RequireBalance(Address who, long atLeast) implements io.gridchain.core.tx.TxPayload {
        static final String KIND = "test-require-balance";

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public byte[] encode() {
            return java.nio.ByteBuffer.allocate(28).put(who.bytes()).putLong(atLeast).array();
        }
    }

    private static final class RequireBalanceHandler implements io.gridchain.core.tx.TransactionHandler<RequireBalance> {
        @Override
        public String kind() {
            return RequireBalance.KIND;
        }

        @Override
        public RequireBalance decode(byte[] payload) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(payload);
            byte[] who = new byte[20];
            b.get(who);
            return new RequireBalance(Address.of(who), b.getLong());
        }

        @Override
        public io.gridchain.core.tx.TxOutcome apply(io.gridchain.core.state.StateOverlay state,
                                                    io.gridchain.core.tx.TxContext ctx, RequireBalance p) {
            long balance = io.gridchain.core.account.Account.STATE.get(state, p.who())
                    .orElse(io.gridchain.core.account.Account.EMPTY).balance();
            return balance >= p.atLeast() ? io.gridchain.core.tx.TxOutcome.applied()
                    : io.gridchain.core.tx.TxOutcome.rejected(Rejection.INVALID_PAYLOAD, "balance " + balance);
        }
    }

    private void creditBobInABlock(long balance) {
        io.gridchain.core.state.StateOverlay next = new io.gridchain.core.state.StateOverlay(state);
        io.gridchain.core.account.Account.STATE.put(next, bob, new io.gridchain.core.account.Account(balance, 0));
        state.commit(next);
        lastReexecuted = pool.afterCommit(Set.of(), next.changes());
    }

    private int lastReexecuted;

    @Test
    void aBlockThatOnlyChangesWhatPendingTransactionsCreditReExecutesNoQueue() {
        SigningKey alice = chain.accounts.get(0);
        pool.add(transfer(alice, 0, 1));
        pool.add(transfer(alice, 1, 1));
        creditBobInABlock(5);
        assertThat(lastReexecuted).isZero();
        assertThat(pool.pendingNonce(alice.address())).contains(2L);
        assertThat(pool.add(transfer(alice, 2, 1))).isInstanceOf(Admission.Accepted.class);

        io.gridchain.core.state.StateOverlay next = new io.gridchain.core.state.StateOverlay(state);
        io.gridchain.core.account.Account.STATE.put(next, alice.address(), new io.gridchain.core.account.Account(TestChain.FUNDS, 1));
        state.commit(next);
        assertThat(pool.afterCommit(Set.of(), next.changes())).isEqualTo(1);
        assertThat(pool.pendingNonce(alice.address())).contains(3L);
        assertThat(pool.size()).isEqualTo(2);
    }

    @Test
    void aDecisionOnACreditedValueThatABlockChangedIsMadeOnTheNewValue() {
        pool = new Mempool(new io.gridchain.core.exec.TransactionExecutor(new io.gridchain.core.tx.TransactionKinds()
                .register(new io.gridchain.core.account.TransferHandler()).register(new RequireBalanceHandler())),
                () -> state, () -> new BlockInfo(TestChain.CHAIN_ID, 1, 0, Address.of(new byte[20]), ChainParams.DEFAULTS),
                Mempool.Limits.DEFAULT);
        SigningKey alice = chain.accounts.get(0);
        assertThat(pool.add(transfer(alice, 0, 1))).isInstanceOf(Admission.Accepted.class); // bob: 0 + 1
        creditBobInABlock(5); // bob: 5 + 1 in alice's view, though alice's queue was not re-executed
        assertThat(lastReexecuted).isZero();
        assertThat(refusal(pool.add(requireBob(alice, 1, 7)))).isEqualTo(Rejection.INVALID_PAYLOAD);
        assertThat(pool.add(requireBob(alice, 1, 6))).isInstanceOf(Admission.Accepted.class);
        assertThat(pool.pendingNonce(alice.address())).contains(2L);
    }

    private Transaction requireBob(SigningKey from, long nonce, long atLeast) {
        return new UnsignedTransaction(TestChain.CHAIN_ID, nonce, 1_000, new RequireBalance(bob, atLeast)).signWith(from);
    }

    /** Executes {@code txs} as a block would and commits them; returns what the block wrote. */
    private Map<io.gridchain.core.bytes.Bytes, java.util.Optional<byte[]>> commitBlockOf(Transaction... txs) {
        io.gridchain.core.exec.TransactionExecutor executor = ChainRules.standard().transactions();
        io.gridchain.core.state.StateOverlay block = new io.gridchain.core.state.StateOverlay(state);
        BlockInfo info = new BlockInfo(TestChain.CHAIN_ID, 1, 0, Address.of(new byte[20]), ChainParams.DEFAULTS);
        for (Transaction tx : txs) {
            assertThat(executor.execute(block, info, tx)).isInstanceOf(io.gridchain.core.tx.TxOutcome.Applied.class);
        }
        Map<io.gridchain.core.bytes.Bytes, java.util.Optional<byte[]>> written = block.changes();
        state.commit(block);
        return written;
    }

    @Test
    void aBlockThatIncludesTheFirstTransactionsOfASenderLeavesTheRestWithoutReExecutingThem() {
        SigningKey alice = chain.accounts.get(0);
        Transaction t0 = transfer(alice, 0, 1);
        Transaction t1 = transfer(alice, 1, 1);
        Transaction t2 = transfer(alice, 2, 1);
        pool.add(t0);
        pool.add(t1);
        pool.add(t2);
        assertThat(pool.afterCommit(Set.of(t0.hash()), commitBlockOf(t0))).isZero();
        assertThat(pool.candidates(1 << 20)).containsExactly(t1, t2);
        assertThat(pool.size()).isEqualTo(2);
        assertThat(pool.add(transfer(alice, 3, 1))).isInstanceOf(Admission.Accepted.class);
        assertThat(refusal(pool.add(transfer(alice, 3, 2)))).isEqualTo(Rejection.NONCE_USED);
    }

    @Test
    void whenTheBlockAlsoChangedWhatTheSenderReadTheRestIsExecutedAgain() {
        SigningKey alice = chain.accounts.get(0);
        SigningKey carol = chain.accounts.get(1);
        Transaction t0 = transfer(alice, 0, 1);
        Transaction t1 = transfer(alice, 1, TestChain.FUNDS - 3_001); // alice: FUNDS - 2,000 fees - 1 - this
        pool.add(t0);
        pool.add(t1);
        // in the same block carol pays alice: alice's account is no longer what t0 left in her queue
        Transaction toAlice = new UnsignedTransaction(TestChain.CHAIN_ID, 0, 1_000,
                new Transfer(alice.address(), 5)).signWith(carol);
        assertThat(pool.afterCommit(Set.of(t0.hash()), commitBlockOf(t0, toAlice))).isEqualTo(1);
        assertThat(pool.candidates(1 << 20)).containsExactly(t1);
    }
}
