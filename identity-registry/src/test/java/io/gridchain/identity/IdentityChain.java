package io.gridchain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.exec.TransactionExecutor;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.testing.InMemoryState;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.Metadata;
import java.security.SecureRandom;
import java.util.Random;

/**
 * A chain in memory for tests: genesis with funded keys, identity parameters and a registrar; each
 * {@link #submit} is one block (the real executor, then the end-of-block hooks), committed. A rejected
 * transaction is checked to have written nothing at all.
 */
public final class IdentityChain {
    public static final long CHAIN_ID = 1337;
    public static final long FUNDS = 1_000_000_000L;
    public static final long TX_FEE = ChainParams.DEFAULTS.minFee();

    private final Random seeds = new Random(42);
    public final InMemoryState committed = new InMemoryState();
    public final SigningKey registrar = key();
    public final Address proposer = key().address();
    private final TransactionExecutor executor =
            new TransactionExecutor(IdentityRegistry.registerAll(new TransactionKinds()));
    private long height = 1;

    public IdentityChain(IdentityParams params, SigningKey... funded) {
        StateOverlay genesis = new StateOverlay(committed);
        ChainParams.DEFAULTS.write(genesis);
        params.write(genesis);
        Registrars.add(genesis, registrar.address(), "test registrar", 0);
        fund(genesis, registrar.address());
        for (SigningKey k : funded) {
            fund(genesis, k.address());
        }
        committed.commit(genesis);
    }

    private static void fund(StateOverlay state, Address address) {
        Account.STATE.put(state, address, new Account(FUNDS, 0));
    }

    /** A deterministic key (seeded), so failures reproduce. */
    public SigningKey key() {
        byte[] seed = new byte[32];
        seeds.nextBytes(seed);
        SecureRandom random;
        try {
            random = SecureRandom.getInstance("SHA1PRNG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        random.setSeed(seed);
        return SigningKey.random(random);
    }

    public SigningKey fundedKey() {
        SigningKey k = key();
        StateOverlay s = new StateOverlay(committed);
        fund(s, k.address());
        committed.commit(s);
        return k;
    }

    public long height() {
        return height;
    }

    public BlockInfo block() {
        return new BlockInfo(CHAIN_ID, height, 1_000 * height, proposer, ChainParams.DEFAULTS);
    }

    public TxOutcome submit(SigningKey sender, TxPayload payload) {
        long nonce = Account.STATE.get(committed, sender.address()).orElse(Account.EMPTY).nonce();
        StateOverlay block = new StateOverlay(committed);
        TxOutcome outcome = executor.execute(block, block(),
                new UnsignedTransaction(CHAIN_ID, nonce, TX_FEE, payload).signWith(sender));
        if (outcome instanceof TxOutcome.Rejected) {
            assertThat(block.isEmpty()).as("a rejected transaction writes nothing").isTrue();
        }
        IdentityRegistry.blockHooks().forEach(h -> h.endBlock(block, block()));
        committed.commit(block);
        height++;
        return outcome;
    }

    /** An empty block: only the end-of-block hooks run. */
    public void emptyBlock() {
        StateOverlay block = new StateOverlay(committed);
        IdentityRegistry.blockHooks().forEach(h -> h.endBlock(block, block()));
        committed.commit(block);
        height++;
    }

    public void applied(SigningKey sender, TxPayload payload) {
        TxOutcome outcome = submit(sender, payload);
        assertThat(outcome).as("outcome of %s", payload).isInstanceOf(TxOutcome.Applied.class);
    }

    public Rejection rejected(SigningKey sender, TxPayload payload) {
        TxOutcome outcome = submit(sender, payload);
        assertThat(outcome).as("outcome of %s", payload).isInstanceOf(TxOutcome.Rejected.class);
        return ((TxOutcome.Rejected) outcome).rejection();
    }

    public Identity identity(String name) {
        return IdentityState.IDENTITIES.get(committed, name).orElseThrow();
    }

    public long balance(Address a) {
        return Account.STATE.get(committed, a).orElse(Account.EMPTY).balance();
    }

    public void register(SigningKey owner, String name) {
        applied(owner, TransactionBuilders.register(name, Metadata.EMPTY));
    }
}
