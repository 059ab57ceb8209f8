package io.gridchain.capacity;

import static io.gridchain.capacity.LeaseFlowTest.PARAMS;
import static io.gridchain.capacity.LeaseFlowTest.PRICES;
import static io.gridchain.capacity.LeaseFlowTest.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.capacity.tx.LeaseTopUp;
import io.gridchain.capacity.tx.NodeHeartbeat;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TxPayload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal has its own reason code and detail, and a refused transaction writes nothing (checked in {@link CapacityChain#refused}). */
class BadInputTest {
    CapacityChain chain;
    SigningKey owner;
    SigningKey tenant;
    SigningKey nodeKey;
    Address node;
    long farmId;

    @BeforeEach
    void setUp() {
        chain = new CapacityChain(3, PARAMS);
        owner = chain.identity("acme", 1_000_000);
        tenant = chain.identity("alice", 100_000_000);
        nodeKey = chain.funded(1_000_000);
        node = nodeKey.address();
        farmId = CapacityChain.id(chain.apply(owner, CapacityTransactions.createFarm("acme-farm", "acme",
                chain.key().address())), "farm.created", "farm");
        chain.apply(owner, CapacityTransactions.registerNode(nodeKey, CapacityChain.CHAIN, farmId, new Resources(16, 64, 1000, 4000), "",
                PRICES));
    }

    private String code(SigningKey key, TxPayload payload) {
        Rejection r = chain.refused(key, payload);
        assertThat(r.detail()).isNotBlank();
        return r.code();
    }

    private long lease(Resources r, long end, long escrow) {
        return CapacityChain.id(chain.apply(tenant, CapacityTransactions.createLease(node, "alice", r, end, escrow)),
                "lease.created", "lease");
    }

    @Test
    void leaseCreationRefusals() {
        Address nowhere = chain.key().address();
        assertThat(code(tenant, CapacityTransactions.createLease(nowhere, "alice", SMALL, 0, 5_000_000)))
                .isEqualTo(CapacityRejections.UNKNOWN_NODE);
        assertThat(code(tenant, CapacityTransactions.createLease(node, "bob", SMALL, 0, 5_000_000)))
                .isEqualTo(CapacityRejections.UNKNOWN_TENANT);
        assertThat(code(owner, CapacityTransactions.createLease(node, "alice", SMALL, 0, 5_000_000)))
                .isEqualTo(CapacityRejections.NOT_IDENTITY_OWNER);
        assertThat(code(tenant, CapacityTransactions.createLease(node, "alice", Resources.ZERO, 0, 5_000_000)))
                .isEqualTo(CapacityRejections.ZERO_RESOURCES);
        assertThat(code(tenant, CapacityTransactions.createLease(node, "alice", new Resources(17, 0, 0, 0), 0, 50_000_000)))
                .isEqualTo(CapacityRejections.EXCEEDS_CAPACITY);
        assertThat(code(tenant, CapacityTransactions.createLease(node, "alice", SMALL, 0, 2_499_999)))
                .isEqualTo(CapacityRejections.ESCROW_TOO_SMALL);
        assertThat(code(tenant, CapacityTransactions.createLease(node, "alice", SMALL, 0, 100_000_000)))
                .isEqualTo(CapacityRejections.INSUFFICIENT_BALANCE);
        assertThat(code(tenant, CapacityTransactions.createLease(node, "alice", SMALL, chain.nowSec + 3599, 5_000_000)))
                .isEqualTo(CapacityRejections.LEASE_TOO_SHORT);

        lease(new Resources(15, 0, 0, 0), 0, 20_000_000);
        assertThat(code(tenant, CapacityTransactions.createLease(node, "alice", SMALL, 0, 5_000_000)))
                .isEqualTo(CapacityRejections.INSUFFICIENT_CAPACITY);

        chain.identities.put("alice", tenant.address(), false);
        assertThat(code(tenant, CapacityTransactions.createLease(node, "alice", new Resources(1, 0, 0, 0), 0, 5_000_000)))
                .isEqualTo(CapacityRejections.IDENTITY_INACTIVE);
    }

    @Test
    void overflowingAmountsAreRefusedNotWrapped() {
        SigningKey bigKey = chain.key();
        Address big = bigKey.address();
        chain.apply(owner, CapacityTransactions.registerNode(bigKey, CapacityChain.CHAIN, farmId, new Resources(Long.MAX_VALUE, 0, 0, 0), "",
                new Prices(10_000_000, 0, 0, 0)));
        assertThat(code(tenant, CapacityTransactions.createLease(big, "alice", new Resources(Long.MAX_VALUE / 2, 0, 0, 0),
                0, 5_000_000))).isEqualTo(CapacityRejections.AMOUNT_OVERFLOW);

        long id = lease(SMALL, 0, 5_000_000);
        assertThat(code(tenant, new LeaseTopUp(id, Long.MAX_VALUE))).isEqualTo(CapacityRejections.AMOUNT_OVERFLOW);
        assertThat(code(tenant, new LeaseTopUp(id, 0))).isEqualTo(CapacityRejections.ZERO_AMOUNT);
        assertThatThrownBy(() -> CapacityTransactions.topUp(id, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CapacityTransactions.createLease(node, "alice", SMALL, 0, -1))
                .isInstanceOf(IllegalArgumentException.class);

        TxPayload negative = new TxPayload() {
            public String kind() {
                return LeaseTopUp.KIND;
            }

            public byte[] encode() {
                return Rlp.list(Rlp.uint(id), Rlp.bytes(new byte[] {(byte) 0xFF, 0, 0, 0, 0, 0, 0, 1}));
            }
        };
        Rejection r = chain.refused(tenant, negative);
        assertThat(r.code()).isEqualTo(Rejection.MALFORMED);
        assertThat(r.detail()).contains("amount");
    }

    @Test
    void leaseChangeRefusals() {
        long id = lease(SMALL, 0, 5_000_000);
        assertThat(code(tenant, CapacityTransactions.topUp(999, 1))).isEqualTo(CapacityRejections.UNKNOWN_LEASE);
        assertThat(code(owner, CapacityTransactions.topUp(id, 1))).isEqualTo(CapacityRejections.NOT_TENANT);
        assertThat(code(owner, CapacityTransactions.cancel(id))).isEqualTo(CapacityRejections.NOT_TENANT);
        assertThat(code(tenant, CapacityTransactions.extend(id, chain.nowSec + 99_999, 0)))
                .isEqualTo(CapacityRejections.LEASE_OPEN_ENDED);
        long fixed = lease(new Resources(1, 0, 0, 0), chain.nowSec + 1 + 7200, 2_000_000);
        assertThat(code(tenant, CapacityTransactions.extend(fixed, chain.lease(fixed).endSec(), 0)))
                .isEqualTo(CapacityRejections.END_NOT_LATER);

        chain.apply(tenant, CapacityTransactions.cancel(id));
        assertThat(code(tenant, CapacityTransactions.topUp(id, 1_000))).isEqualTo(CapacityRejections.LEASE_ENDED);
        assertThat(code(tenant, CapacityTransactions.cancel(id))).isEqualTo(CapacityRejections.LEASE_ENDED);
    }

    @Test
    void aTopUpAfterTheGraceEndedButBeforeTheBlockSettledIsRefusedAsEnded() {
        long id = lease(SMALL, 0, 2_500_000);
        long start = chain.lease(id).startSec();
        // no block has run since creation: the lease ran out at start+3601 and its grace ended at +4201
        Rejection r = chain.refused(start + 5000, tenant, CapacityTransactions.topUp(id, 10_000_000));
        assertThat(r.code()).isEqualTo(CapacityRejections.LEASE_ENDED);
        assertThat(r.detail()).contains("out-of-funds");
        assertThat(chain.lease(id).state()).isEqualTo(LeaseState.ACTIVE);
    }

    @Test
    void nodeAndFarmRefusals() {
        SigningKey stranger = chain.identity("mallory", 1_000_000);
        assertThat(code(nodeKey, CapacityTransactions.heartbeat(chain.key().address())))
                .isEqualTo(CapacityRejections.UNKNOWN_NODE);
        assertThat(code(stranger, new NodeHeartbeat(node))).isEqualTo(CapacityRejections.HEARTBEAT_WRONG_KEY);
        assertThat(code(stranger, CapacityTransactions.drain(node))).isEqualTo(CapacityRejections.NOT_FARM_OWNER);
        assertThat(code(owner, CapacityTransactions.activate(node))).isEqualTo(CapacityRejections.STATUS_UNCHANGED);
        assertThat(code(owner, CapacityTransactions.registerNode(nodeKey, CapacityChain.CHAIN, farmId, SMALL, "", PRICES)))
                .isEqualTo(CapacityRejections.NODE_EXISTS);
        SigningKey other = chain.key();
        // a registration the node's key did not sign, or signed for another farm or chain, is refused
        SigningKey squatter = chain.key();
        assertThat(code(owner, CapacityTransactions.registerNode(other.address(), farmId, SMALL, "", PRICES,
                squatter.sign(io.gridchain.capacity.tx.NodeRegister.consentDigest(CapacityChain.CHAIN, farmId, other.address())))))
                .isEqualTo(CapacityRejections.NODE_CONSENT_MISSING);
        assertThat(code(owner, CapacityTransactions.registerNode(other.address(), farmId, SMALL, "", PRICES,
                other.sign(io.gridchain.capacity.tx.NodeRegister.consentDigest(CapacityChain.CHAIN + 1, farmId, other.address())))))
                .isEqualTo(CapacityRejections.NODE_CONSENT_MISSING);
        assertThat(code(owner, CapacityTransactions.registerNode(other.address(), farmId, SMALL, "", PRICES,
                other.sign(io.gridchain.capacity.tx.NodeRegister.consentDigest(CapacityChain.CHAIN, farmId + 1, other.address())))))
                .isEqualTo(CapacityRejections.NODE_CONSENT_MISSING);
        assertThat(code(owner, CapacityTransactions.registerNode(other, CapacityChain.CHAIN, 42, SMALL, "", PRICES)))
                .isEqualTo(CapacityRejections.UNKNOWN_FARM);
        assertThat(code(owner, CapacityTransactions.registerNode(other, CapacityChain.CHAIN, farmId, Resources.ZERO, "", PRICES)))
                .isEqualTo(CapacityRejections.ZERO_CAPACITY);
        assertThat(code(owner, CapacityTransactions.registerNode(other, CapacityChain.CHAIN, farmId, SMALL, "", new Prices(10_000_001, 0, 0, 0))))
                .isEqualTo(CapacityRejections.PRICE_OUT_OF_BOUNDS);
        assertThat(code(owner, CapacityTransactions.setPrices(node, new Prices(0, 0, 0, 10_000_001))))
                .isEqualTo(CapacityRejections.PRICE_OUT_OF_BOUNDS);
        assertThat(code(owner, CapacityTransactions.createFarm("acme-farm", "acme", other.address())))
                .isEqualTo(CapacityRejections.FARM_NAME_TAKEN);
        assertThat(code(owner, CapacityTransactions.createFarm("Bad Name!", "acme", other.address())))
                .isEqualTo(CapacityRejections.INVALID_NAME);
        assertThat(code(owner, CapacityTransactions.createFarm("other-farm", "nobody", other.address())))
                .isEqualTo(CapacityRejections.UNKNOWN_IDENTITY);
        assertThat(code(stranger, CapacityTransactions.createFarm("other-farm", "acme", other.address())))
                .isEqualTo(CapacityRejections.NOT_IDENTITY_OWNER);
        chain.apply(owner, CapacityTransactions.retire(node));
        assertThat(code(owner, CapacityTransactions.activate(node))).isEqualTo(CapacityRejections.NODE_RETIRED);
        assertThat(code(nodeKey, CapacityTransactions.heartbeat(node))).isEqualTo(CapacityRejections.NODE_RETIRED);
    }
}
