package io.gridchain.capacity.tx;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Retires a node even while leased, ending its leases (cause node-retired-by-governance); sent by the governance address. */
public record NodeGovernanceRetire(Address node) implements TxPayload {
    public static final String KIND = "gridnode.governance-retire";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.bytes(node.bytes()));
    }

    public static NodeGovernanceRetire decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        NodeGovernanceRetire p = new NodeGovernanceRetire(Address.of(r.bytes(20, "node")));
        r.finish(KIND);
        return p;
    }
}
