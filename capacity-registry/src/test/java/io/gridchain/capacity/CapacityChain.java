package io.gridchain.capacity;

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
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.core.tx.UnsignedTransaction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A real chain in memory: signed transactions through the real {@link TransactionExecutor} and
 * {@link BlockExecutor} with the capacity settlement hook, committed block by block to an
 * {@link InMemoryState}. Tracks every address it funded or paid, so tests can sum the supply.
 */
final class CapacityChain {
    static final long CHAIN = 77;
    static final long FEE = ChainParams.DEFAULTS.minFee();
    static final long GENESIS_TIME = 1_700_000_000L;

    final InMemoryState committed = new InMemoryState();
    final InMemoryIdentityDirectory identities = new InMemoryIdentityDirectory();
    final TransactionExecutor executor;
    final BlockExecutor blocks;
    final Address proposer;
    final Set<Address> addresses = new LinkedHashSet<>();
    final List<Event> blockEvents = new ArrayList<>();
    final Random keys;
    long supply;
    long nowSec = GENESIS_TIME;
    long height;

    CapacityChain(long seed, CapacityParams params) {
        keys = new Random(seed);
        executor = new TransactionExecutor(CapacityRegistry.register(new TransactionKinds().register(new TransferHandler()),
                identities));
        blocks = new BlockExecutor(executor, List.of(CapacityRegistry.blockHook()));
        proposer = key().address();
        addresses.add(proposer);
        StateOverlay genesis = new StateOverlay(committed);
        ChainParams.DEFAULTS.write(genesis);
        params.write(genesis);
        committed.commit(genesis);
    }

    CapacityChain() {
        this(1, CapacityParams.DEFAULTS);
    }

    /** A deterministic key from this chain's seed. */
    SigningKey key() {
        byte[] d = new byte[32];
        keys.nextBytes(d);
        d[0] = (byte) (d[0] & 0x7F | 0x01);
        SigningKey k = SigningKey.fromPrivateKey(d);
        addresses.add(k.address());
        return k;
    }

    SigningKey funded(long balance) {
        SigningKey k = key();
        fund(k, balance);
        return k;
    }

    void fund(SigningKey k, long balance) {
        addresses.add(k.address());
        StateOverlay s = new StateOverlay(committed);
        Account.STATE.put(s, k.address(), new Account(balance, 0));
        committed.commit(s);
        supply += balance;
    }

    SigningKey identity(String name, long balance) {
        SigningKey k = funded(balance);
        identities.put(name, k.address(), true);
        return k;
    }

    Transaction sign(SigningKey key, TxPayload payload) {
        long nonce = Account.STATE.get(committed, key.address()).orElse(Account.EMPTY).nonce();
        return new UnsignedTransaction(CHAIN, nonce, FEE, payload).signWith(key);
    }

    BlockInfo blockAt(long sec) {
        return new BlockInfo(CHAIN, height + 1, sec * 1000, proposer, ChainParams.DEFAULTS);
    }

    /** Commits a block at {@code sec} holding {@code txs}; returns the built block (dropped ones listed). */
    BlockExecutor.Built blockWith(long sec, List<Transaction> txs) {
        BlockExecutor.Built built = blocks.build(committed, blockAt(sec), txs, 1 << 22);
        committed.commit(built.executed().state());
        blockEvents.addAll(built.executed().blockEvents());
        nowSec = sec;
        height++;
        return built;
    }

    /** Executes one transaction in its own block at the current time + 1 s; it must be applied. */
    List<Event> apply(SigningKey key, TxPayload payload) {
        return applyAt(nowSec + 1, key, payload);
    }

    List<Event> applyAt(long sec, SigningKey key, TxPayload payload) {
        BlockExecutor.Built built = blockWith(sec, List.of(sign(key, payload)));
        assertThat(built.dropped()).as("dropped: %s", built.dropped().isEmpty() ? "" : built.dropped().get(0).reason())
                .isEmpty();
        return built.executed().receipts().get(0).events();
    }

    /** Executes one transaction against the committed state at {@code sec} and returns the rejection; checks nothing was written. */
    Rejection refused(long sec, SigningKey key, TxPayload payload) {
        StateOverlay overlay = new StateOverlay(committed);
        TxOutcome outcome = executor.execute(overlay, blockAt(sec), sign(key, payload));
        assertThat(outcome).isInstanceOf(TxOutcome.Rejected.class);
        assertThat(overlay.isEmpty()).as("a refused transaction writes nothing").isTrue();
        return ((TxOutcome.Rejected) outcome).rejection();
    }

    Rejection refused(SigningKey key, TxPayload payload) {
        return refused(nowSec + 1, key, payload);
    }

    /** An empty block at {@code sec}: only the settlement runs. */
    List<Event> advanceTo(long sec) {
        return blockWith(sec, List.of()).executed().blockEvents();
    }

    long balance(Address a) {
        return Account.STATE.get(committed, a).orElse(Account.EMPTY).balance();
    }

    CapacityQueries queries() {
        return new CapacityQueries(committed);
    }

    Lease lease(long id) {
        return CapacityStore.lease(committed, id).orElseThrow();
    }

    GridNode node(Address id) {
        return CapacityStore.node(committed, id).orElseThrow();
    }

    static long id(List<Event> events, String type, String attribute) {
        return events.stream().filter(e -> e.type().equals(type)).findFirst()
                .map(e -> Long.parseLong(e.attributes().get(attribute))).orElseThrow();
    }
}
