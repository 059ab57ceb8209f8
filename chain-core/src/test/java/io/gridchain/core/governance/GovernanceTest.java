package io.gridchain.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Account;
import io.gridchain.core.account.TransferHandler;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.exec.TransactionExecutor;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.testing.InMemoryState;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GovernanceTest {
    private static final long CHAIN = 77;
    private final SecureRandom random = new SecureRandom();
    private final List<SigningKey> validators = new ArrayList<>();
    private final SigningKey newcomer = SigningKey.random(random);
    private final SigningKey submitter = SigningKey.random(random);
    private final InMemoryState committed = new InMemoryState();
    private final BlockExecutor blocks = new BlockExecutor(new TransactionExecutor(
            new TransactionKinds().register(new TransferHandler()).register(new GovernanceHandler())), List.of(new GovernanceHook()));

    @BeforeEach
    void genesis() {
        StateOverlay g = new StateOverlay(committed);
        List<Validator> set = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SigningKey k = SigningKey.random(random);
            validators.add(k);
            set.add(new Validator(k.address(), k.compressedPublicKey(), 10));
        }
        ValidatorSetState.write(g, ValidatorSet.of(set));
        ChainParams.DEFAULTS.write(g);
        Account.STATE.put(g, submitter.address(), new Account(1_000_000, 0));
        committed.commit(g);
    }

    private GovernanceAction addNewcomer() {
        return new GovernanceAction.UpdateValidators(List.of(
                new GovernanceAction.ValidatorUpdate(newcomer.address(), newcomer.compressedPublicKey(), 10)));
    }

    private Transaction tx(Governance g) {
        long next = Account.STATE.get(committed, submitter.address()).orElseThrow().nonce();
        return new UnsignedTransaction(CHAIN, next, 1_000, g).signWith(submitter);
    }

    private BlockExecutor.Replayed block(long height, List<Transaction> txs) {
        BlockInfo info = new BlockInfo(CHAIN, height, height * 1000, validators.get(0).address(), ChainParams.DEFAULTS);
        BlockExecutor.Replayed r = blocks.replay(committed, info, txs);
        if (r instanceof BlockExecutor.Replayed.Valid v) {
            committed.commit(v.executed().state());
        }
        return r;
    }

    private Governance approvedBy(int count, GovernanceAction action) {
        List<Governance.Approval> approvals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            approvals.add(Governance.approve(validators.get(i), CHAIN, GovernanceState.nonce(committed), action));
        }
        return new Governance(GovernanceState.nonce(committed), action, approvals);
    }

    @Test
    void aValidatorAddedInBlockHJoinsTheSetForBlockHPlusTwo() {
        assertThat(block(10, List.of(tx(approvedBy(3, addNewcomer()))))).isInstanceOf(BlockExecutor.Replayed.Valid.class);
        assertThat(ValidatorSetState.read(committed).contains(newcomer.address())).isFalse();
        block(11, List.of());
        // the state block 11 leaves is what height 12 runs with
        assertThat(ValidatorSetState.read(committed).contains(newcomer.address())).isTrue();
        assertThat(ValidatorSetState.read(committed).totalPower()).isEqualTo(50);
        assertThat(GovernanceState.pendingAt(committed, 12)).isEmpty();
    }

    @Test
    void twoThirdsOrLessOfThePowerIsNotEnough() {
        TxOutcome outcome = blocks.transactions().execute(new StateOverlay(committed),
                new BlockInfo(CHAIN, 10, 10_000, validators.get(0).address(), ChainParams.DEFAULTS), tx(approvedBy(2, addNewcomer())));
        assertThat(outcome).isInstanceOfSatisfying(TxOutcome.Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(GovernanceHandler.NO_QUORUM));
    }

    @Test
    void approvalsAreSingleUseForgedOrForeignOnesAreRefused() {
        Governance approved = approvedBy(3, addNewcomer());
        block(10, List.of(tx(approved)));
        BlockInfo info = new BlockInfo(CHAIN, 11, 11_000, validators.get(0).address(), ChainParams.DEFAULTS);
        TxOutcome replay = blocks.transactions().execute(new StateOverlay(committed), info, tx(approved));
        assertThat(((TxOutcome.Rejected) replay).rejection().code()).isEqualTo(GovernanceHandler.STALE_NONCE);

        GovernanceAction removeAll = new GovernanceAction.UpdateValidators(validators.stream()
                .map(k -> new GovernanceAction.ValidatorUpdate(k.address(), k.compressedPublicKey(), 0)).toList());
        List<Governance.Approval> forged = new ArrayList<>(approvedBy(3, removeAll).approvals());
        forged.set(2, new Governance.Approval(validators.get(2).address(), forged.get(1).signature()));
        Governance withForgery = new Governance(GovernanceState.nonce(committed), removeAll, forged);
        TxOutcome bad = blocks.transactions().execute(new StateOverlay(committed), info, tx(withForgery));
        assertThat(((TxOutcome.Rejected) bad).rejection().code()).isEqualTo(GovernanceHandler.BAD_APPROVAL);

        TxOutcome empty = blocks.transactions().execute(new StateOverlay(committed), info, tx(approvedBy(3, removeAll)));
        assertThat(((TxOutcome.Rejected) empty).rejection().code()).isEqualTo(GovernanceHandler.INVALID_ACTION);

        SigningKey stranger = SigningKey.random(random);
        Governance byStranger = new Governance(GovernanceState.nonce(committed), addNewcomer(),
                List.of(Governance.approve(stranger, CHAIN, GovernanceState.nonce(committed), addNewcomer())));
        TxOutcome foreign = blocks.transactions().execute(new StateOverlay(committed), info, tx(byStranger));
        assertThat(((TxOutcome.Rejected) foreign).rejection().code()).isEqualTo(GovernanceHandler.NOT_A_VALIDATOR);
    }

    @Test
    void aKeyThatIsNotTheAddressesIsRefusedAndParamsChangeToo() {
        Address other = SigningKey.random(random).address();
        GovernanceAction wrongKey = new GovernanceAction.UpdateValidators(List.of(
                new GovernanceAction.ValidatorUpdate(other, newcomer.compressedPublicKey(), 10)));
        BlockInfo info = new BlockInfo(CHAIN, 10, 10_000, validators.get(0).address(), ChainParams.DEFAULTS);
        TxOutcome outcome = blocks.transactions().execute(new StateOverlay(committed), info, tx(approvedBy(3, wrongKey)));
        assertThat(((TxOutcome.Rejected) outcome).rejection().detail()).contains("belongs to another address");

        ChainParams faster = new ChainParams(500, ChainParams.DEFAULTS.maxBlockBytes(), ChainParams.DEFAULTS.maxTransactionBytes(), 2_000);
        block(20, List.of(tx(approvedBy(4, new GovernanceAction.SetParams(faster)))));
        assertThat(ChainParams.read(committed)).isEqualTo(ChainParams.DEFAULTS);
        block(21, List.of());
        assertThat(ChainParams.read(committed)).isEqualTo(faster);
        assertThat(Governance.decode(approvedBy(3, addNewcomer()).encode()).action()).isInstanceOf(GovernanceAction.UpdateValidators.class);
    }
}
