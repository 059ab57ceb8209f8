package io.gridchain.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Event;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Whole lease lifecycles through the real executor, block by block. */
class LeaseFlowTest {
    static final CapacityParams PARAMS = new CapacityParams(new Prices(0, 0, 0, 0),
            new Prices(10_000_000, 10_000_000, 10_000_000, 10_000_000), 600, 3600, Optional.empty());
    static final Prices PRICES = new Prices(1_000_000, 100_000, 1_000, 100);
    static final Resources SMALL = new Resources(2, 4, 100, 0); // 2_500_000 units per hour
    static final long RATE = 2_500_000;
    static final long TENANT_FUNDS = 1_000_000_000;

    CapacityChain chain;
    SigningKey owner;
    SigningKey tenant;
    SigningKey nodeKey;
    Address payout;
    Address node;
    long farmId;

    @BeforeEach
    void farmWithOneNode() {
        chain = new CapacityChain(7, PARAMS);
        owner = chain.identity("acme", 1_000_000);
        tenant = chain.identity("alice", TENANT_FUNDS);
        nodeKey = chain.funded(1_000_000);
        payout = chain.key().address();
        node = nodeKey.address();
        farmId = CapacityChain.id(chain.apply(owner, CapacityTransactions.createFarm("acme-farm", "acme", payout)),
                "farm.created", "farm");
        chain.apply(owner, CapacityTransactions.registerNode(nodeKey, CapacityChain.CHAIN, farmId, new Resources(16, 64, 1000, 4000), "be-ghent",
                PRICES));
    }

    long createLease(Resources r, long end, long escrow) {
        List<Event> events = chain.apply(tenant, CapacityTransactions.createLease(node, "alice", r, end, escrow));
        return CapacityChain.id(events, "lease.created", "lease");
    }

    @Test
    void creationLocksTheEscrowReservesCapacityAndFixesTheRate() {
        long before = chain.balance(tenant.address());
        long id = createLease(SMALL, 0, 5_000_000);
        Lease lease = chain.lease(id);
        assertThat(lease.ratePerHour()).isEqualTo(RATE);
        assertThat(lease.state()).isEqualTo(LeaseState.ACTIVE);
        assertThat(lease.paidUntil() - lease.startSec()).isEqualTo(7200);
        assertThat(chain.balance(tenant.address())).isEqualTo(before - CapacityChain.FEE - 5_000_000);
        assertThat(chain.node(node).reserved()).isEqualTo(SMALL);
        assertThat(chain.queries().quote(node, SMALL, 7200)).get()
                .satisfies(q -> assertThat(q.cost()).isEqualTo(5_000_000))
                .satisfies(q -> assertThat(q.minEscrow()).isEqualTo(2_500_000));

        chain.apply(owner, CapacityTransactions.setPrices(node, new Prices(9_000_000, 0, 0, 0)));
        assertThat(chain.lease(id).ratePerHour()).as("a running lease keeps its rate").isEqualTo(RATE);
    }

    @Test
    void cancelPaysTheFarmWhatWasUsedAndRefundsTheRestAtOnce() {
        long id = createLease(SMALL, 0, 5_000_000);
        long start = chain.lease(id).startSec();
        long tenantBefore = chain.balance(tenant.address());
        List<Event> events = chain.applyAt(start + 1000, tenant, CapacityTransactions.cancel(id));
        long used = 2_500_000L * 1000 / 3600; // floor: 694_444
        assertThat(chain.balance(payout)).isEqualTo(used);
        assertThat(chain.balance(tenant.address())).isEqualTo(tenantBefore - CapacityChain.FEE + 5_000_000 - used);
        assertThat(chain.lease(id).state()).isEqualTo(LeaseState.ENDED);
        assertThat(chain.lease(id).cause()).isEqualTo(EndCause.CANCELLED);
        assertThat(chain.lease(id).escrowHeld()).isZero();
        assertThat(chain.node(node).reserved()).isEqualTo(Resources.ZERO);
        assertThat(events).extracting(Event::type).contains("lease.ended");
    }

    @Test
    void runningOutEntersGraceKeepsCapacityAndATopUpRestoresIt() {
        long id = createLease(SMALL, 0, 5_000_000);
        long start = chain.lease(id).startSec();
        assertThat(chain.advanceTo(start + 7200)).isEmpty();
        assertThat(chain.lease(id).state()).isEqualTo(LeaseState.ACTIVE);
        List<Event> grace = chain.advanceTo(start + 7201);
        assertThat(grace).extracting(Event::type).containsExactly("lease.grace");
        assertThat(chain.lease(id).state()).isEqualTo(LeaseState.GRACE);
        assertThat(chain.balance(payout)).isEqualTo(5_000_000);
        assertThat(chain.node(node).reserved()).isEqualTo(SMALL);
        LeaseVerification paused = chain.queries().verifyLease(node, "alice", SMALL, start + 7250);
        assertThat(paused.valid()).isFalse();
        assertThat(paused.state()).contains(LeaseState.GRACE);
        assertThat(paused.reason()).startsWith("grace");

        assertThat(chain.refused(start + 7300, tenant, CapacityTransactions.topUp(id, 1)).code())
                .isEqualTo(CapacityRejections.TOP_UP_TOO_SMALL);
        chain.applyAt(start + 7300, tenant, CapacityTransactions.topUp(id, 2_500_000));
        Lease restored = chain.lease(id);
        assertThat(restored.state()).isEqualTo(LeaseState.ACTIVE);
        assertThat(restored.paidUntil() - start).isEqualTo(10_800);
        // the grace period is charged once the lease is restored: cost is continuous from the start
        assertThat(chain.balance(payout)).isEqualTo(2_500_000L * 7300 / 3600);
        assertThat(chain.queries().verifyLease(node, "alice", SMALL, start + 7400))
                .satisfies(v -> assertThat(v.valid()).isTrue())
                .satisfies(v -> assertThat(v.until()).isEqualTo(start + 10_800))
                .satisfies(v -> assertThat(v.leaseId()).contains(id));
    }

    @Test
    void theEndOfGraceEndsTheLeaseAndFreesItsCapacityInTheSameBlock() {
        long id = createLease(SMALL, 0, 5_000_000);
        long start = chain.lease(id).startSec();
        chain.advanceTo(start + 7201);
        assertThat(chain.advanceTo(start + 7800)).isEmpty();
        List<Event> end = chain.advanceTo(start + 7801);
        assertThat(end).extracting(Event::type).containsExactly("lease.ended");
        assertThat(end.get(0).attributes()).containsEntry("cause", "out-of-funds");
        Lease lease = chain.lease(id);
        assertThat(lease.state()).isEqualTo(LeaseState.ENDED);
        assertThat(lease.endedAt()).isEqualTo(start + 7801);
        assertThat(lease.escrowHeld()).isZero();
        assertThat(chain.node(node).reserved()).isEqualTo(Resources.ZERO);
        assertThat(chain.node(node).openLeases()).isZero();
        assertThat(chain.balance(payout)).isEqualTo(5_000_000);
    }

    @Test
    void aLongGapBetweenBlocksAppliesGraceAndEndAtTheirOwnTimes() {
        long id = createLease(SMALL, 0, 5_000_000);
        long start = chain.lease(id).startSec();
        List<Event> events = chain.advanceTo(start + 100_000);
        assertThat(events).extracting(Event::type).containsExactly("lease.grace", "lease.ended");
        assertThat(chain.lease(id).endedAt()).isEqualTo(start + 7801);
    }

    @Test
    void aFixedEndExpiresAndRefundsTheUnusedEscrow() {
        long start = chain.nowSec + 1;
        long id = createLease(SMALL, start + 3600, 5_000_000);
        long tenantBefore = chain.balance(tenant.address());
        List<Event> events = chain.advanceTo(start + 3600);
        assertThat(events).extracting(Event::type).containsExactly("lease.ended");
        assertThat(chain.lease(id).cause()).isEqualTo(EndCause.EXPIRED);
        assertThat(chain.balance(payout)).isEqualTo(2_500_000);
        assertThat(chain.balance(tenant.address())).isEqualTo(tenantBefore + 2_500_000);
    }

    @Test
    void extendMovesTheEndAndTheDeadline() {
        long start = chain.nowSec + 1;
        long id = createLease(SMALL, start + 3600, 5_000_000);
        chain.applyAt(start + 100, tenant, CapacityTransactions.extend(id, start + 7200, 0));
        assertThat(chain.advanceTo(start + 3600)).isEmpty();
        assertThat(chain.advanceTo(start + 7200)).extracting(Event::type).containsExactly("lease.ended");
        assertThat(chain.balance(payout)).isEqualTo(5_000_000);
        assertThat(chain.lease(id).refunded()).isZero();
    }

    @Test
    void drainingRefusesNewLeasesAndRetiringWaitsForTheLastLease() {
        long id = createLease(SMALL, 0, 5_000_000);
        chain.apply(owner, CapacityTransactions.drain(node));
        assertThat(chain.refused(tenant, CapacityTransactions.createLease(node, "alice", SMALL, 0, 5_000_000)).code())
                .isEqualTo(CapacityRejections.NODE_DRAINING);
        assertThat(chain.refused(owner, CapacityTransactions.retire(node)).code())
                .isEqualTo(CapacityRejections.NODE_LEASED);
        chain.apply(tenant, CapacityTransactions.cancel(id));
        chain.apply(owner, CapacityTransactions.retire(node));
        assertThat(chain.node(node).status()).isEqualTo(NodeStatus.RETIRED);
        assertThat(chain.refused(tenant, CapacityTransactions.createLease(node, "alice", SMALL, 0, 5_000_000)).code())
                .isEqualTo(CapacityRejections.NODE_RETIRED);
    }

    @Test
    void aHeartbeatFromTheNodeKeyIsRecorded() {
        List<Event> events = chain.apply(nodeKey, CapacityTransactions.heartbeat(node));
        assertThat(events).extracting(Event::type).containsExactly("gridnode.heartbeat");
        assertThat(chain.node(node).lastHeartbeat()).isEqualTo(chain.nowSec);
    }

    @Test
    void governanceRetiresALeasedNodeEndingItsLeases() {
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) 0x42);
        SigningKey governance = SigningKey.fromPrivateKey(secret);
        chain = new CapacityChain(9, PARAMS.withGovernance(governance.address()));
        chain.fund(governance, 1_000_000);
        owner = chain.identity("acme", 1_000_000);
        tenant = chain.identity("alice", TENANT_FUNDS);
        long farm = CapacityChain.id(chain.apply(owner, CapacityTransactions.createFarm("acme-farm", "acme",
                chain.key().address())), "farm.created", "farm");
        nodeKey = chain.key();
        node = nodeKey.address();
        chain.apply(owner, CapacityTransactions.registerNode(nodeKey, CapacityChain.CHAIN, farm, new Resources(16, 64, 1000, 4000), "", PRICES));
        long id = createLease(SMALL, 0, 5_000_000);
        long tenantBefore = chain.balance(tenant.address());

        assertThat(chain.refused(tenant, CapacityTransactions.retireByGovernance(node)).code())
                .isEqualTo(CapacityRejections.NOT_GOVERNANCE);
        List<Event> events = chain.apply(governance, CapacityTransactions.retireByGovernance(node));
        assertThat(events).extracting(Event::type).containsExactly("lease.ended", "gridnode.status");
        assertThat(chain.lease(id).cause()).isEqualTo(EndCause.NODE_RETIRED_BY_GOVERNANCE);
        assertThat(chain.node(node).status()).isEqualTo(NodeStatus.RETIRED);
        assertThat(chain.node(node).reserved()).isEqualTo(Resources.ZERO);
        assertThat(chain.balance(tenant.address())).isEqualTo(tenantBefore + chain.lease(id).refunded());
    }
}
