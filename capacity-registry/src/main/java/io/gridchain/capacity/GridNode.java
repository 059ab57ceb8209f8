package io.gridchain.capacity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/**
 * A grid node. Its id is the address of its own secp256k1 key, so a heartbeat is simply a transaction
 * sent from that address. {@code reserved} is the sum of the resources of its active and grace
 * leases and {@code openLeases} their number; both change only when a lease opens or ends.
 */
public record GridNode(Address id, long farmId, Resources capacity, Resources reserved, String location,
                       Prices prices, NodeStatus status, long registeredAt, long lastHeartbeat, long openLeases) {
    public Resources free() {
        return capacity.minus(reserved);
    }

    public GridNode withStatus(NodeStatus s) {
        return new GridNode(id, farmId, capacity, reserved, location, prices, s, registeredAt, lastHeartbeat, openLeases);
    }

    public GridNode withPrices(Prices p) {
        return new GridNode(id, farmId, capacity, reserved, location, p, status, registeredAt, lastHeartbeat, openLeases);
    }

    public GridNode withHeartbeat(long at) {
        return new GridNode(id, farmId, capacity, reserved, location, prices, status, registeredAt, at, openLeases);
    }

    public GridNode reserve(Resources r) {
        return new GridNode(id, farmId, capacity, reserved.plus(r), location, prices, status, registeredAt,
                lastHeartbeat, Math.addExact(openLeases, 1));
    }

    public GridNode release(Resources r) {
        return new GridNode(id, farmId, capacity, reserved.minus(r), location, prices, status, registeredAt,
                lastHeartbeat, openLeases - 1);
    }

    public byte[] encode() {
        return Rlp.list(Rlp.bytes(id.bytes()), Rlp.uint(farmId), capacity.encode(), reserved.encode(),
                Rlp.string(location), prices.encode(), Rlp.uint(status.ordinal()), Rlp.uint(registeredAt),
                Rlp.uint(lastHeartbeat), Rlp.uint(openLeases));
    }

    public static GridNode decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        GridNode n = new GridNode(Address.of(r.bytes(20, "id")), r.uint64("farmId"), Resources.read(r, "capacity"),
                Resources.read(r, "reserved"), r.string(), Prices.read(r, "prices"),
                NodeStatus.values()[r.uint32("status")], r.uint64("registeredAt"), r.uint64("lastHeartbeat"),
                r.uint64("openLeases"));
        r.finish("grid node");
        return n;
    }
}
