package io.gridchain.capacity.tx;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Creates a farm named {@code name} owned by identity {@code ownerIdentity}; sent by that identity's owner. */
public record FarmCreate(String name, String ownerIdentity, Address payout) implements TxPayload {
    public static final String KIND = "farm.create";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.string(name), Rlp.string(ownerIdentity), Rlp.bytes(payout.bytes()));
    }

    public static FarmCreate decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        FarmCreate p = new FarmCreate(r.string(), r.string(), Address.of(r.bytes(20, "payout")));
        r.finish(KIND);
        return p;
    }
}
