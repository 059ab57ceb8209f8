package io.gridchain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TxPayload;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random operation sequences through the real executor, invariants checked after every block:
 * no node reserved beyond capacity (and reserved = the sum of its open leases), tokens conserved,
 * ended leases hold no capacity and no escrow, settlement exact to the unit. Seeded; a failure names its seed.
 */
class InvariantPropertyTest {
    static final SigningKey GOVERNANCE = SigningKey.fromPrivateKey(filled((byte) 0x33));
    static final CapacityParams PARAMS = new CapacityParams(new Prices(0, 0, 0, 0),
            new Prices(10_000_000, 10_000_000, 10_000_000, 10_000_000), 300, 600, Optional.empty())
            .withGovernance(GOVERNANCE.address());

    private static byte[] filled(byte b) {
        byte[] d = new byte[32];
        java.util.Arrays.fill(d, b);
        return d;
    }
    static final int SEEDS = 30;
    static final int BLOCKS = 80;

    @Test
    void invariantsHoldOverRandomOperationSequences() {
        long base = Long.getLong("capacity.seed", 20261122L);
        int seeds = Long.getLong("capacity.seed") == null ? SEEDS : 1;
        for (int i = 0; i < seeds; i++) {
            long seed = base + i;
            try {
                run(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("invariant broken with seed " + seed + " (rerun with -Dcapacity.seed="
                        + seed + "): " + e.getMessage(), e);
            }
        }
        System.out.println("capacity invariants: " + seeds + " seeds, outcomes seen " + seen);
        assertThat(seen.keySet()).as("the random sequences reach every lease path").contains("lease.created",
                "lease.topped-up", "lease.extended", "lease.settled", "lease.restored", "lease.grace",
                "ended:cancelled", "ended:expired", "ended:out-of-funds", "ended:node-retired-by-governance",
                "gridnode.status", "gridnode.heartbeat", "gridnode.prices-set",
                "dropped");
    }

    private final Map<String, Integer> seen = new java.util.TreeMap<>();

    private void count(io.gridchain.core.exec.BlockExecutor.Built built) {
        List<io.gridchain.core.tx.Event> events = new ArrayList<>(built.executed().blockEvents());
        built.executed().receipts().forEach(rc -> events.addAll(rc.events()));
        for (io.gridchain.core.tx.Event e : events) {
            String key = e.type().equals("lease.ended") ? "ended:" + e.attributes().get("cause") : e.type();
            seen.merge(key, 1, Integer::sum);
        }
        if (!built.dropped().isEmpty()) {
            seen.merge("dropped", built.dropped().size(), Integer::sum);
        }
    }

    private static final class World {
        final CapacityChain chain;
        final Random random;
        final List<SigningKey> owners = new ArrayList<>();
        final List<SigningKey> tenants = new ArrayList<>();
        final List<String> tenantNames = new ArrayList<>();
        final List<SigningKey> nodeKeys = new ArrayList<>();
        final Map<Long, Address> payouts = new HashMap<>();
        final Map<Address, SigningKey> ownerOfNode = new HashMap<>();

        World(long seed) {
            chain = new CapacityChain(seed, PARAMS);
            random = new Random(seed);
        }
    }

    private void run(long seed) {
        World w = new World(seed);
        CapacityChain chain = w.chain;
        chain.fund(GOVERNANCE, 10_000_000);
        for (int f = 0; f < 2; f++) {
            SigningKey owner = chain.identity("owner" + f, 10_000_000);
            Address payout = chain.key().address();
            long farm = CapacityChain.id(chain.apply(owner, CapacityTransactions.createFarm("farm" + f, "owner" + f,
                    payout)), "farm.created", "farm");
            w.owners.add(owner);
            w.payouts.put(farm, payout);
            for (int n = 0; n < 3; n++) {
                SigningKey nodeKey = chain.funded(1_000_000);
                Resources cap = new Resources(1 + w.random.nextInt(16), 1 + w.random.nextInt(64),
                        w.random.nextInt(2000), w.random.nextInt(4000));
                Prices prices = new Prices(w.random.nextInt(2_000_000), w.random.nextInt(200_000),
                        w.random.nextInt(2_000), w.random.nextInt(500));
                chain.apply(owner, CapacityTransactions.registerNode(nodeKey, CapacityChain.CHAIN, farm, cap, "", prices));
                w.nodeKeys.add(nodeKey);
                w.ownerOfNode.put(nodeKey.address(), owner);
            }
        }
        for (int t = 0; t < 4; t++) {
            w.tenantNames.add("tenant" + t);
            w.tenants.add(chain.identity("tenant" + t, 200_000_000 + w.random.nextInt(100_000_000)));
        }
        check(w);
        for (int b = 0; b < BLOCKS; b++) {
            long sec = chain.nowSec + 1 + (w.random.nextInt(4) == 0 ? w.random.nextInt(3000) : w.random.nextInt(200));
            List<Transaction> txs = new ArrayList<>();
            Set<Address> senders = new HashSet<>();
            int ops = w.random.nextInt(6);
            for (int i = 0; i < ops; i++) {
                randomOperation(w, sec).ifPresent(op -> {
                    if (senders.add(op.key.address())) {
                        txs.add(chain.sign(op.key, op.payload));
                    }
                });
            }
            count(chain.blockWith(sec, txs));
            check(w);
        }
    }

    private record Op(SigningKey key, TxPayload payload) {}

    private Optional<Op> randomOperation(World w, long sec) {
        Random r = w.random;
        CapacityChain chain = w.chain;
        long leases = leaseCount(chain);
        int t = r.nextInt(w.tenants.size());
        SigningKey tenant = w.tenants.get(t);
        long leaseId = 1 + (leases == 0 ? 0 : r.nextInt((int) leases));
        int kind = r.nextInt(100);
        if (kind < 40) {
            SigningKey nodeKey = w.nodeKeys.get(r.nextInt(w.nodeKeys.size()));
            GridNode node = chain.node(nodeKey.address());
            Resources want = new Resources(r.nextInt((int) Math.min(node.capacity().cru(), 8) + 1),
                    r.nextInt((int) Math.min(node.capacity().mru(), 32) + 1), r.nextInt(500), r.nextInt(1000));
            long rate = node.prices().ratePerHour(want);
            long escrow = 1 + LeaseCost.cost(rate, 100 + r.nextInt(4000));
            long end = r.nextBoolean() ? 0 : sec + 500 + r.nextInt(8000);
            return Optional.of(new Op(tenant, new io.gridchain.capacity.tx.LeaseCreate(nodeKey.address(),
                    w.tenantNames.get(t), want, end, escrow)));
        }
        if (leases == 0) {
            return Optional.empty();
        }
        Lease lease = chain.lease(leaseId);
        SigningKey owner = w.tenants.get(w.tenantNames.indexOf(lease.tenant()));
        if (kind < 60) {
            return Optional.of(new Op(owner, CapacityTransactions.topUp(leaseId, 1 + r.nextInt(3_000_000))));
        }
        if (kind < 70) {
            return Optional.of(new Op(owner, CapacityTransactions.cancel(leaseId)));
        }
        if (kind < 78) {
            long newEnd = Math.max(lease.endSec(), sec) + 1 + r.nextInt(5000);
            return Optional.of(new Op(owner, CapacityTransactions.extend(leaseId, newEnd, r.nextInt(2_000_000))));
        }
        if (kind < 85) {
            return Optional.of(new Op(w.tenants.get(r.nextInt(w.tenants.size())), CapacityTransactions.settle(leaseId)));
        }
        SigningKey nodeKey = w.nodeKeys.get(r.nextInt(w.nodeKeys.size()));
        if (kind < 92) {
            return Optional.of(new Op(nodeKey, CapacityTransactions.heartbeat(nodeKey.address())));
        }
        if (kind < 94) {
            return Optional.of(new Op(w.ownerOfNode.get(nodeKey.address()), CapacityTransactions.setPrices(
                    nodeKey.address(), new Prices(r.nextInt(2_000_000), r.nextInt(200_000), r.nextInt(2_000), 0))));
        }
        if (kind == 94 && r.nextInt(4) == 0) {
            return Optional.of(new Op(GOVERNANCE, CapacityTransactions.retireByGovernance(nodeKey.address())));
        }
        NodeStatus status = chain.node(nodeKey.address()).status();
        TxPayload change = status == NodeStatus.ACTIVE ? CapacityTransactions.drain(nodeKey.address())
                : CapacityTransactions.activate(nodeKey.address());
        return Optional.of(new Op(w.ownerOfNode.get(nodeKey.address()), change));
    }

    private static long leaseCount(CapacityChain chain) {
        return CapacityStore.SEQUENCES.get(chain.committed, "lease").orElse(0L);
    }

    private void check(World w) {
        CapacityChain chain = w.chain;
        long now = chain.nowSec;
        Map<Address, Resources> reserved = new HashMap<>();
        Map<Address, Long> open = new HashMap<>();
        Map<Long, Long> paidPerFarm = new HashMap<>();
        long escrow = 0;
        for (long id = 1; id <= leaseCount(chain); id++) {
            Lease l = chain.lease(id);
            assertThat(l.paid() + l.refunded()).as("lease %d pays out at most its deposit", id).isLessThanOrEqualTo(l.deposited());
            paidPerFarm.merge(l.farmId(), l.paid(), Long::sum);
            escrow += l.escrowHeld();
            if (l.isOpen()) {
                reserved.merge(l.node(), l.resources(), Resources::plus);
                open.merge(l.node(), 1L, Long::sum);
                assertThat(l.nextDeadline()).as("lease %d: settlement left a passed deadline", id).isGreaterThan(now);
                assertThat(l.paid()).as("lease %d paid ahead of use", id).isLessThanOrEqualTo(expectedUse(l, now));
            } else {
                assertThat(l.escrowHeld()).as("ended lease %d holds escrow", id).isZero();
                assertThat(l.paid()).as("ended lease %d: paid is exactly its use", id).isEqualTo(expectedUse(l, l.endedAt()));
            }
        }
        for (SigningKey k : w.nodeKeys) {
            GridNode n = chain.node(k.address());
            assertThat(n.reserved()).as("node %s reserved", k.address()).isEqualTo(reserved.getOrDefault(k.address(), Resources.ZERO));
            assertThat(n.openLeases()).isEqualTo(open.getOrDefault(k.address(), 0L));
            assertThat(n.reserved().fitsWithin(n.capacity())).as("node %s over capacity", k.address()).isTrue();
        }
        long balances = 0;
        for (Address a : chain.addresses) {
            balances += chain.balance(a);
        }
        assertThat(balances + escrow).as("balances + escrow = supply").isEqualTo(chain.supply);
        w.payouts.forEach((farm, payout) -> assertThat(chain.balance(payout)).as("farm %d payout", farm)
                .isEqualTo(paidPerFarm.getOrDefault(farm, 0L)));
    }

    /** Independent statement of the rule: min(floor(rate × seconds / 3600), deposit), time capped at a fixed end. */
    private static long expectedUse(Lease l, long at) {
        long stop = l.hasFixedEnd() ? Math.min(at, l.endSec()) : at;
        long seconds = Math.max(0, stop - l.startSec());
        BigInteger exact = BigInteger.valueOf(l.ratePerHour()).multiply(BigInteger.valueOf(seconds))
                .divide(BigInteger.valueOf(3600));
        return exact.min(BigInteger.valueOf(l.deposited())).longValueExact();
    }
}
