package io.gridchain.capacity.tx;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** A node's liveness signal; valid only when sent (signed) from the node's own address. */
public record NodeHeartbeat(Address node) implements TxPayload {
    public static final String KIND = "gridnode.heartbeat";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.bytes(node.bytes()));
    }

    public static NodeHeartbeat decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        NodeHeartbeat p = new NodeHeartbeat(Address.of(r.bytes(20, "node")));
        r.finish(KIND);
        return p;
    }
}
