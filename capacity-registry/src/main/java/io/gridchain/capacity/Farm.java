package io.gridchain.capacity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/** A farm: a named group of grid nodes owned by one identity, paid at one payout address. */
public record Farm(long id, String name, String ownerIdentity, Address payout) {
    public byte[] encode() {
        return Rlp.list(Rlp.uint(id), Rlp.string(name), Rlp.string(ownerIdentity), Rlp.bytes(payout.bytes()));
    }

    public static Farm decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        Farm f = new Farm(r.uint64("id"), r.string(), r.string(), Address.of(r.bytes(20, "payout")));
        r.finish("farm");
        return f;
    }
}
