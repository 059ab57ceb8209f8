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

    private int endBlockReads(int idleLeases) {
        CapacityChain chain = new CapacityChain(11, PARAMS);
        SigningKey owner = chain.identity("acme", 1_000_000);
        SigningKey tenant = chain.identity("alice", 10_000_000_000L);
        long farm = CapacityChain.id(chain.apply(owner, CapacityTransactions.createFarm("acme-farm", "acme",
                chain.key().address())), "farm.created", "farm");
        Address node = chain.key().address();
        chain.apply(owner, CapacityTransactions.registerNode(node, farm, new Resources(1000, 1000, 0, 0), "", PRICES));
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
        CapacityRegistry.blockHook().endBlock(new StateOverlay(counting), chain.blockAt(chain.nowSec + 5));
        return reads.get();
    }
}
