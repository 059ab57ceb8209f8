package io.gridchain.capacity.tx;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Pays a lease's farm what the lease has used so far, without changing the lease; anyone may send it. */
public record LeaseSettle(long leaseId) implements TxPayload {
    public static final String KIND = "lease.settle";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.uint(leaseId));
    }

    public static LeaseSettle decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        LeaseSettle p = new LeaseSettle(r.uint64("leaseId"));
        r.finish(KIND);
        return p;
    }
}
