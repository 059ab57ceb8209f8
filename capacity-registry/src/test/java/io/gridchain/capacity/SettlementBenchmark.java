package io.gridchain.capacity;

import io.gridchain.capacity.tx.FarmCreate;
import io.gridchain.capacity.tx.LeaseCreate;
import io.gridchain.capacity.tx.NodeRegister;
import io.gridchain.core.account.Account;
import io.gridchain.core.account.TransferHandler;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockHook;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.exec.TransactionExecutor;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.testing.InMemoryState;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.core.tx.UnsignedTransaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Not a test: run its main (see capacity-registry/bench.sh). Builds 10,000 nodes and 100,000 active
 * leases in an in-memory state (written through the real handlers, without signatures), then measures
 * (1) the end-of-block settlement with 0, 10 and 1000 leases changing state in the block, and the same
 * with no idle leases at all, and (2) lease creations per second through the real TransactionExecutor
 * (signature recovery, envelope, handler; signing is done before the clock starts). Prints medians.
 */
public final class SettlementBenchmark {
    static final long CHAIN = 1;
    static final long T0 = 1_700_000_000L;
    static final CapacityParams PARAMS = new CapacityParams(new Prices(0, 0, 0, 0),
            new Prices(1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000), 600, 3600, Optional.empty());
    static final Prices PRICES = new Prices(10_000_000, 1_000_000, 10_000, 1_000);
    static final Resources LEASE = new Resources(1, 4, 50, 100);
    static final int ROUNDS = 7;

    private final InMemoryIdentityDirectory identities = new InMemoryIdentityDirectory();
    private final Map<String, TransactionHandler<?>> handlers = new HashMap<>();
    private final BlockHook hook = CapacityRegistry.blockHook();
    private final Address proposer = Address.of(new byte[20]);
    private final StateOverlay base = new StateOverlay(new InMemoryState());
    private final List<Address> nodes = new ArrayList<>();
    private final Random random = new Random(1);
    private int tenantCount;

    SettlementBenchmark() {
        for (TransactionHandler<?> h : CapacityRegistry.handlers(identities)) {
            handlers.put(h.kind(), h);
        }
    }

    public static void main(String[] args) {
        int nodeCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int leaseCount = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        System.out.printf("capacity settlement benchmark: %d nodes, %d active leases, %d rounds, java %s%n",
                nodeCount, leaseCount, ROUNDS, System.getProperty("java.version"));
        SettlementBenchmark full = new SettlementBenchmark();
        long t = System.nanoTime();
        full.populate(nodeCount, leaseCount);
        System.out.printf("populated in %.1f s (%d state keys)%n", (System.nanoTime() - t) / 1e9,
                full.base.changes().size());
        SettlementBenchmark empty = new SettlementBenchmark();
        empty.populate(nodeCount, 0);
        empty.medianEndBlockMillis(1000); // JIT warm-up on the settlement path, not reported
        for (int changing : new int[] {0, 10, 1000}) {
            full.report(leaseCount, changing);
        }
        for (int changing : new int[] {0, 10, 1000}) {
            empty.report(0, changing);
        }
        full.measureCreations(2000);
    }

    /** Writes a farm, the nodes and the idle leases through the handlers, each lease with its own run-out second. */
    void populate(int nodeCount, int leaseCount) {
        ChainParams.DEFAULTS.write(base);
        PARAMS.write(base);
        SigningKey owner = key();
        identities.put("farmer", owner.address(), true);
        apply(base, owner.address(), T0, new FarmCreate("bench-farm", "farmer", key().address()));
        for (int i = 0; i < nodeCount; i++) {
            SigningKey nodeKey = key();
            Address node = nodeKey.address();
            nodes.add(node);
            apply(base, owner.address(), T0, CapacityTransactions.registerNode(nodeKey, CHAIN, 1,
                    new Resources(64, 256, 4000, 16000), "", PRICES));
        }
        long rate = PRICES.ratePerHour(LEASE);
        List<Address> tenants = newTenants(Math.max(1, leaseCount / 100), base);
        for (int i = 0; i < leaseCount; i++) {
            // escrow for 30 days plus i seconds: every idle lease runs out at its own second, a month away
            long escrow = LeaseCost.cost(rate, 30L * 86_400 + i) + 1;
            apply(base, tenants.get(i % tenants.size()), T0, new LeaseCreate(nodes.get(i % nodes.size()),
                    "tenant" + (i % tenants.size()), LEASE, 0, escrow));
        }
        hook.endBlock(base, block(T0));
    }

    private int lastReads;

    void report(int idle, int changing) {
        double ms = medianEndBlockMillis(changing);
        System.out.printf("endBlock, %6d idle leases, %4d leases changing state: median %8.3f ms, %6d state reads%n",
                idle, changing, ms, lastReads);
    }

    /**
     * In a fresh overlay: {@code changing} leases are created at T0+1 with the minimum escrow so they all
     * run out at the same second S; a block at S−1 settles (nothing due); then the block at S is timed.
     */
    double medianEndBlockMillis(int changing) {
        double[] ms = new double[ROUNDS + 2];
        for (int r = 0; r < ms.length; r++) {
            StateOverlay prepared = base.child();
            List<Address> tenants = newTenants(1, prepared);
            long rate = PRICES.ratePerHour(LEASE);
            long minEscrow = LeaseCost.cost(rate, PARAMS.minPrepaidSeconds());
            long due = T0 + 1 + LeaseCost.coveredSeconds(rate, minEscrow) + 1;
            for (int i = 0; i < changing; i++) {
                apply(prepared, tenants.get(0), T0 + 1, new LeaseCreate(nodes.get(random.nextInt(nodes.size())),
                        "tenant" + (tenantCount - 1), LEASE, 0, minEscrow));
            }
            hook.endBlock(prepared, block(due - 1));
            java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
            StateOverlay measured = new StateOverlay(key -> {
                reads.incrementAndGet();
                return prepared.get(key);
            });
            System.gc();
            long start = System.nanoTime();
            int events = hook.endBlock(measured, block(due)).size();
            ms[r] = (System.nanoTime() - start) / 1e6;
            lastReads = reads.get();
            if (events != changing) {
                throw new IllegalStateException("expected " + changing + " grace events, got " + events);
            }
        }
        return median(Arrays.copyOfRange(ms, 2, ms.length)); // the first two rounds warm the JIT
    }

    /** Lease creations per second through TransactionExecutor.execute: recovery, envelope, fee, handler. */
    void measureCreations(int perRound) {
        TransactionKinds kinds = CapacityRegistry.register(new TransactionKinds().register(new TransferHandler()),
                identities);
        TransactionExecutor executor = new TransactionExecutor(kinds);
        double[] perSecond = new double[ROUNDS + 2];
        for (int r = 0; r < perSecond.length; r++) {
            StateOverlay state = base.child();
            List<SigningKey> keys = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                SigningKey k = key();
                String name = "signer" + tenantCount++;
                identities.put(name, k.address(), true);
                Account.STATE.put(state, k.address(), new Account(1_000_000_000_000_000L, 0));
                keys.add(k);
            }
            List<Transaction> txs = new ArrayList<>();
            long escrow = LeaseCost.cost(PRICES.ratePerHour(LEASE), 86_400);
            for (int i = 0; i < perRound; i++) {
                int signer = i % keys.size();
                TxPayload p = new LeaseCreate(nodes.get(random.nextInt(nodes.size())),
                        "signer" + (tenantCount - keys.size() + signer), LEASE, 0, escrow);
                Transaction signed = new UnsignedTransaction(CHAIN, i / keys.size(), 1000, p).signWith(keys.get(signer));
                // decode again so no signer is cached: execution recovers it, as a node would
                txs.add(((Transaction.Decoded.Ok) Transaction.decode(signed.encode(), 1 << 16)).transaction());
            }
            BlockInfo block = block(T0 + 2);
            long start = System.nanoTime();
            for (Transaction tx : txs) {
                if (!(executor.execute(state, block, tx) instanceof TxOutcome.Applied)) {
                    throw new IllegalStateException("creation refused: " + executor.execute(state, block, tx));
                }
            }
            perSecond[r] = perRound / ((System.nanoTime() - start) / 1e9);
        }
        System.out.printf("lease.create through TransactionExecutor: median %.0f tx/s (%d tx per round, signing excluded)%n",
                median(Arrays.copyOfRange(perSecond, 2, perSecond.length)), perRound);
    }

    private List<Address> newTenants(int count, StateOverlay state) {
        List<Address> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Address a = key().address();
            identities.put("tenant" + tenantCount++, a, true);
            Account.STATE.put(state, a, new Account(1_000_000_000_000_000L, 0));
            out.add(a);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private <P extends TxPayload> void apply(StateOverlay state, Address sender, long sec, P payload) {
        TransactionHandler<P> h = (TransactionHandler<P>) handlers.get(payload.kind());
        TxContext ctx = new TxContext(CHAIN, 1, sec * 1000, proposer, sender, Hash32.ZERO);
        TxOutcome outcome = h.apply(state, ctx, payload);
        if (!(outcome instanceof TxOutcome.Applied)) {
            throw new IllegalStateException(payload.kind() + " refused: " + outcome);
        }
    }

    private BlockInfo block(long sec) {
        return new BlockInfo(CHAIN, 2, sec * 1000, proposer, ChainParams.DEFAULTS);
    }

    private SigningKey key() {
        byte[] d = new byte[32];
        random.nextBytes(d);
        d[0] = (byte) (d[0] & 0x7F | 0x01);
        return SigningKey.fromPrivateKey(d);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
