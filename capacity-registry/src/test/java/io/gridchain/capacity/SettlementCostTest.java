package io.gridchain.capacity;

import static io.gridchain.capacity.LeaseFlowTest.PARAMS;
import static io.gridchain.capacity.LeaseFlowTest.PRICES;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The end-of-block settlement reads the same number of keys whether 1 or 60 idle leases exist. */
class SettlementCostTest {
    @Test
    void endBlockDoesNotReadIdleLeases() {
        int reads = endBlockReads(1);
        assertThat(reads).isEqualTo(endBlockReads(60)).isLessThan(12);
    }

    /**
     * A block after a long gap (a halted chain restarting, or a proposer's clock far ahead) reads the
     * due calendar, not each second: the old loop read 86,400 keys for a day and 10^9 for 30 years,
     * enough to stop every validator inside one block check.
     */
    @Test
    void aLongGapCostsAFewCalendarReadsNotOneReadPerSecond() {
        assertThat(endBlockReads(1, 86_400)).isLessThan(20);
        assertThat(endBlockReads(1, 30L * 365 * 86_400)).isLessThan(200);
    }

    /** What falls due inside a long gap is still settled, at its own deadline. */
    @Test
    void leasesDueInsideALongGapSettleAtTheirDeadlines() {
        CapacityChain chain = new CapacityChain(12, PARAMS);
        SigningKey owner = chain.identity("acme", 1_000_000);
        SigningKey tenant = chain.identity("alice", 10_000_000_000L);
        long farm = CapacityChain.id(chain.apply(owner, CapacityTransactions.createFarm("acme-farm", "acme",
                chain.key().address())), "farm.created", "farm");
        SigningKey nodeKey = chain.key();
        Address node = nodeKey.address();
        chain.apply(owner, CapacityTransactions.registerNode(nodeKey, CapacityChain.CHAIN, farm, new Resources(1000, 1000, 0, 0), "", PRICES));
        long lease = CapacityChain.id(chain.apply(tenant, CapacityTransactions.createLease(node, "alice",
                new Resources(1, 1, 0, 0), 0, 2_200_000)), "lease.created", "lease");
        Lease before = chain.lease(lease);
        long ended = LeaseSettlement.project(before, Long.MAX_VALUE / 2, PARAMS.gracePeriodSeconds()).endedAt();
        java.util.List<io.gridchain.core.tx.Event> events = chain.advanceTo(chain.nowSec + 400L * 86_400);
        assertThat(events).anySatisfy(e -> assertThat(e.type()).isEqualTo("lease.ended"));
        assertThat(chain.lease(lease).isOpen()).isFalse();
        assertThat(chain.lease(lease).endedAt()).isEqualTo(ended);
    }

    private int endBlockReads(int idleLeases) {
        return endBlockReads(idleLeases, 5);
    }

    private int endBlockReads(int idleLeases, long gapSeconds) {
        CapacityChain chain = new CapacityChain(11, PARAMS);
        SigningKey owner = chain.identity("acme", 1_000_000);
        SigningKey tenant = chain.identity("alice", 10_000_000_000L);
        long farm = CapacityChain.id(chain.apply(owner, CapacityTransactions.createFarm("acme-farm", "acme",
                chain.key().address())), "farm.created", "farm");
        SigningKey nodeKey = chain.key();
        Address node = nodeKey.address();
        chain.apply(owner, CapacityTransactions.registerNode(nodeKey, CapacityChain.CHAIN, farm, new Resources(1000, 1000, 0, 0), "", PRICES));
        for (int i = 0; i < idleLeases; i++) {
            chain.apply(tenant, CapacityTransactions.createLease(node, "alice", new Resources(1, 1, 0, 0), 0,
                    50_000_000));
        }
        AtomicInteger reads = new AtomicInteger();
        StateReader counting = new StateReader() {
            @Override
            public Optional<byte[]> get(Bytes key) {
                reads.incrementAndGet();
                return chain.committed.get(key);
            }
        };
        CapacityRegistry.blockHook().endBlock(new StateOverlay(counting), chain.blockAt(chain.nowSec + gapSeconds));
        return reads.get();
    }
}
