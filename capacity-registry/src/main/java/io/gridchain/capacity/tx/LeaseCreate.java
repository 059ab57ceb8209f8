package io.gridchain.capacity.tx;

import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/**
 * Leases {@code resources} on {@code node} for identity {@code tenant}, locking {@code escrow} units
 * from the sender (the tenant's owner). The lease starts at the block's time; {@code endSec} is a fixed
 * end (unix seconds) or 0 for open-ended.
 */
public record LeaseCreate(Address node, String tenant, Resources resources, long endSec, long escrow)
        implements TxPayload {
    public static final String KIND = "lease.create";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.bytes(node.bytes()), Rlp.string(tenant), resources.encode(), Rlp.uint(endSec),
                Rlp.uint(escrow));
    }

    public static LeaseCreate decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        LeaseCreate p = new LeaseCreate(Address.of(r.bytes(20, "node")), r.string(), Resources.read(r, "resources"),
                r.uint64("endSec"), r.uint64("escrow"));
        r.finish(KIND);
        return p;
    }
}
