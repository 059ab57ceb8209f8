package io.gridchain.capacity.tx;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Moves a fixed-end lease's end to {@code newEndSec}, optionally adding {@code amount} to its escrow. */
public record LeaseExtend(long leaseId, long newEndSec, long amount) implements TxPayload {
    public static final String KIND = "lease.extend";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.uint(leaseId), Rlp.uint(newEndSec), Rlp.uint(amount));
    }

    public static LeaseExtend decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        LeaseExtend p = new LeaseExtend(r.uint64("leaseId"), r.uint64("newEndSec"), r.uint64("amount"));
        r.finish(KIND);
        return p;
    }
}
