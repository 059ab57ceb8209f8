package io.gridchain.capacity.tx;

import io.gridchain.capacity.NodeStatus;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Drains, re-activates or retires a node; sent by the farm owner. */
public record NodeSetStatus(Address node, NodeStatus status) implements TxPayload {
    public static final String KIND = "gridnode.set-status";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.bytes(node.bytes()), Rlp.uint(status.ordinal()));
    }

    public static NodeSetStatus decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        Address node = Address.of(r.bytes(20, "node"));
        int s = r.uint32("status");
        if (s >= NodeStatus.values().length) {
            throw new RlpException("status must be 0 (active), 1 (draining) or 2 (retired), got " + s);
        }
        r.finish(KIND);
        return new NodeSetStatus(node, NodeStatus.values()[s]);
    }
}
