package io.gridchain.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.capacity.tx.LeaseCreate;
import io.gridchain.capacity.tx.NodeRegister;
import io.gridchain.capacity.tx.NodeSetStatus;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodecTest {
    static final Address A = Address.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20});

    @Test
    void payloadsAndRecordsRoundTrip() {
        LeaseCreate lc = new LeaseCreate(A, "alice", new Resources(1, 2, 3, 4), 99, 1000);
        assertThat(LeaseCreate.decode(lc.encode())).isEqualTo(lc);
        NodeRegister nr = CapacityTransactions.registerNode(io.gridchain.core.crypto.SigningKey.random(new java.security.SecureRandom()),
                77, 3, new Resources(1, 2, 3, 4), "here", new Prices(5, 6, 7, 8));
        assertThat(NodeRegister.decode(nr.encode())).isEqualTo(nr);
        Lease lease = new Lease(5, A, 2, "alice", A, new Resources(1, 0, 0, 0), 10, 0, 3600, 100, 50, 0,
                LeaseState.GRACE, 500, 0, EndCause.NONE);
        assertThat(Lease.decode(lease.encode())).isEqualTo(lease);
        CapacityParams p = CapacityParams.DEFAULTS.withGovernance(A);
        assertThat(CapacityParams.decode(p.encode())).isEqualTo(p);
        assertThat(CapacityParams.decode(CapacityParams.DEFAULTS.encode()).governance()).isEqualTo(Optional.empty());
    }

    @Test
    void decodingIsStrictAndNamesTheField() {
        byte[] shortNode = Rlp.list(Rlp.bytes(new byte[19]), Rlp.string("alice"), new Resources(1, 0, 0, 0).encode(),
                Rlp.uint(0), Rlp.uint(1));
        assertThatThrownBy(() -> LeaseCreate.decode(shortNode)).isInstanceOf(RlpException.class).hasMessageContaining("node");
        byte[] extra = Rlp.list(Rlp.bytes(A.bytes()), Rlp.uint(1), Rlp.uint(5));
        assertThatThrownBy(() -> NodeSetStatus.decode(extra)).isInstanceOf(RlpException.class);
        byte[] badStatus = Rlp.list(Rlp.bytes(A.bytes()), Rlp.uint(7));
        assertThatThrownBy(() -> NodeSetStatus.decode(badStatus)).hasMessageContaining("status");
        byte[] fiveUnits = Rlp.list(Rlp.bytes(A.bytes()), Rlp.string("a"),
                Rlp.list(Rlp.uint(1), Rlp.uint(1), Rlp.uint(1), Rlp.uint(1), Rlp.uint(1)), Rlp.uint(0), Rlp.uint(1));
        assertThatThrownBy(() -> LeaseCreate.decode(fiveUnits)).hasMessageContaining("resources");
    }
}
