package io.gridchain.capacity.tx;

import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Registers grid node {@code node} (the address of the node's own key) in a farm; sent by the farm owner. */
public record NodeRegister(Address node, long farmId, Resources capacity, String location, Prices prices)
        implements TxPayload {
    public static final String KIND = "gridnode.register";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.bytes(node.bytes()), Rlp.uint(farmId), capacity.encode(), Rlp.string(location),
                prices.encode());
    }

    public static NodeRegister decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        NodeRegister p = new NodeRegister(Address.of(r.bytes(20, "node")), r.uint64("farmId"),
                Resources.read(r, "capacity"), r.string(), Prices.read(r, "prices"));
        r.finish(KIND);
        return p;
    }
}
