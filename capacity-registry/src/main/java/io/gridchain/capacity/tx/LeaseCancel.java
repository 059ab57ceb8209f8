package io.gridchain.capacity.tx;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Ends a lease now: the farm is paid what was used, the rest of the escrow returns to the tenant at once. */
public record LeaseCancel(long leaseId) implements TxPayload {
    public static final String KIND = "lease.cancel";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.uint(leaseId));
    }

    public static LeaseCancel decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        LeaseCancel p = new LeaseCancel(r.uint64("leaseId"));
        r.finish(KIND);
        return p;
    }
}
