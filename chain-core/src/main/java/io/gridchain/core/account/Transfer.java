package io.gridchain.core.account;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;

/** Moves {@code amount} units from the sender to {@code to}. */
public record Transfer(Address to, long amount) implements TxPayload {
    public static final String KIND = "transfer";

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        return Rlp.list(Rlp.bytes(to.bytes()), Rlp.uint(amount));
    }

    public static Transfer decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        Transfer t = new Transfer(Address.of(r.bytes(20, "to")), r.uint64("amount"));
        r.finish("transfer");
        return t;
    }
}
