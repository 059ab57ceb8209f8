package io.gridchain.capacity.tx;

import io.gridchain.capacity.Prices;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Sets a node's prices for new leases (running leases keep their rate); sent by the farm owner. */
public record NodeSetPrices(Address node, Prices prices) implements TxPayload {
    public static final String KIND = "gridnode.set-prices";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.bytes(node.bytes()), prices.encode());
    }

    public static NodeSetPrices decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        NodeSetPrices p = new NodeSetPrices(Address.of(r.bytes(20, "node")), Prices.read(r, "prices"));
        r.finish(KIND);
        return p;
    }
}
