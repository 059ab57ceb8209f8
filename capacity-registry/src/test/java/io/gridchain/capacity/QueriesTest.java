package io.gridchain.capacity;

import static io.gridchain.capacity.LeaseFlowTest.PARAMS;
import static io.gridchain.capacity.LeaseFlowTest.PRICES;
import static io.gridchain.capacity.LeaseFlowTest.SMALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.merkle.SparseMerkleTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueriesTest {
    CapacityChain chain;
    SigningKey owner;
    SigningKey tenant;
    long farmId;
    List<Address> nodes = new ArrayList<>();

    @BeforeEach
    void farmWithNodes() {
        chain = new CapacityChain(5, PARAMS);
        owner = chain.identity("acme", 10_000_000);
        tenant = chain.identity("alice", 1_000_000_000);
        farmId = CapacityChain.id(chain.apply(owner, CapacityTransactions.createFarm("acme-farm", "acme",
                chain.key().address())), "farm.created", "farm");
        for (int i = 0; i < 5; i++) {
            SigningKey nKey = chain.key();
            Address n = nKey.address();
            chain.apply(owner, CapacityTransactions.registerNode(nKey, CapacityChain.CHAIN, farmId, new Resources(4 + i, 16, 500, 0), "", PRICES));
            nodes.add(n);
        }
    }

    long lease(Address node, Resources r, long escrow) {
        return CapacityChain.id(chain.apply(tenant, CapacityTransactions.createLease(node, "alice", r, 0, escrow)),
                "lease.created", "lease");
    }

    @Test
    void farmsAndNodesWithFreeCapacity() {
        CapacityQueries q = chain.queries();
        assertThat(q.farmByName("acme-farm")).get().extracting(Farm::id).isEqualTo(farmId);
        lease(nodes.get(4), new Resources(8, 0, 0, 0), 10_000_000);
        CapacityQueries after = chain.queries();
        assertThat(after.node(nodes.get(4))).get().satisfies(v -> assertThat(v.free().cru()).isZero());
        CapacityQueries.Page<CapacityQueries.NodeView> page = after.searchNodes(farmId, new Resources(6, 0, 0, 0), 0, 10);
        assertThat(page.items()).extracting(v -> v.node().id()).containsExactly(nodes.get(2), nodes.get(3));
        assertThat(page.next()).isEqualTo(-1);
        CapacityQueries.Page<CapacityQueries.NodeView> first = after.searchNodes(farmId, Resources.ZERO, 0, 2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.next()).isEqualTo(2);
    }

    @Test
    void leaseViewsAreSettledLazilyAsOfTheTimeAsked() {
        long id = lease(nodes.get(0), SMALL, 5_000_000);
        long start = chain.lease(id).startSec();
        CapacityQueries q = chain.queries();
        assertThat(q.lease(id, start + 3600)).get().satisfies(v -> {
            assertThat(v.state()).isEqualTo(LeaseState.ACTIVE);
            assertThat(v.used()).isEqualTo(2_500_000);
            assertThat(v.escrowLeft()).isEqualTo(2_500_000);
            assertThat(v.paidUntil()).isEqualTo(start + 7200);
        });
        // no block has settled anything yet; the view still shows grace, then the end
        assertThat(q.lease(id, start + 7300)).get().satisfies(v -> {
            assertThat(v.state()).isEqualTo(LeaseState.GRACE);
            assertThat(v.escrowLeft()).isZero();
        });
        assertThat(q.lease(id, start + 9000)).get().satisfies(v -> {
            assertThat(v.state()).isEqualTo(LeaseState.ENDED);
            assertThat(v.lease().cause()).isEqualTo(EndCause.OUT_OF_FUNDS);
        });
        assertThat(chain.lease(id).state()).isEqualTo(LeaseState.ACTIVE);
    }

    @Test
    void leasesByTenantAndNodeFilterByState() {
        long a = lease(nodes.get(0), SMALL, 5_000_000);
        long b = lease(nodes.get(1), SMALL, 5_000_000);
        chain.apply(tenant, CapacityTransactions.cancel(a));
        CapacityQueries q = chain.queries();
        assertThat(q.leasesByTenant("alice", Optional.empty(), chain.nowSec, 0, 10).items()).hasSize(2);
        assertThat(q.leasesByTenant("alice", Optional.of(LeaseState.ACTIVE), chain.nowSec, 0, 10).items())
                .extracting(v -> v.lease().id()).containsExactly(b);
        assertThat(q.leasesByNode(nodes.get(0), Optional.of(LeaseState.ENDED), chain.nowSec, 0, 10).items())
                .extracting(v -> v.lease().id()).containsExactly(a);
    }

    @Test
    void verifyLeaseTellsAComputeNodeWhetherToRun() {
        Address n = nodes.get(0);
        long id = lease(n, SMALL, 5_000_000);
        CapacityQueries q = chain.queries();
        assertThat(q.verifyLease(n, "alice", new Resources(1, 1, 1, 0), chain.nowSec))
                .satisfies(v -> assertThat(v.valid()).isTrue())
                .satisfies(v -> assertThat(v.leaseId()).contains(id))
                .satisfies(v -> assertThat(v.state()).contains(LeaseState.ACTIVE));
        assertThat(q.verifyLease(n, "alice", new Resources(3, 0, 0, 0), chain.nowSec).valid()).isFalse();
        assertThat(q.verifyLease(n, "bob", SMALL, chain.nowSec).reason()).contains("no lease");
        assertThat(q.verifyLease(nodes.get(1), "alice", SMALL, chain.nowSec).valid()).isFalse();
        chain.apply(tenant, CapacityTransactions.cancel(id));
        assertThat(chain.queries().verifyLease(n, "alice", SMALL, chain.nowSec))
                .satisfies(v -> assertThat(v.valid()).isFalse())
                .satisfies(v -> assertThat(v.reason()).contains("cancelled"));
    }

    @Test
    void theLeaseKeyIsProvableAgainstTheStateRoot() {
        long id = lease(nodes.get(0), SMALL, 5_000_000);
        Bytes key = CapacityQueries.leaseKey(id);
        byte[] value = chain.committed.get(key).orElseThrow();
        assertThat(Lease.decode(value).id()).isEqualTo(id);
        Hash32 path = SmtProof.pathOf(key.toArray());
        SmtProof proof = new SparseMerkleTree(chain.committed.nodes()).prove(chain.committed.root(), path);
        assertThat(proof.verify(chain.committed.root(), path, Optional.of(Keccak.hash(value))).isValid()).isTrue();
    }
}
