package io.gridchain.capacity.tx;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Adds {@code amount} to a lease's escrow; a lease in grace whose arrears it covers becomes active again. */
public record LeaseTopUp(long leaseId, long amount) implements TxPayload {
    public static final String KIND = "lease.top-up";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.uint(leaseId), Rlp.uint(amount));
    }

    public static LeaseTopUp decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        LeaseTopUp p = new LeaseTopUp(r.uint64("leaseId"), r.uint64("amount"));
        r.finish(KIND);
        return p;
    }
}
