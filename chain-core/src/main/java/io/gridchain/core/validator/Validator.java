package io.gridchain.core.validator;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import java.util.Arrays;

/**
 * A member of the validator set: its account address, its 33-byte compressed secp256k1 public key
 * (the same key signs votes and identifies the libp2p peer), and its voting power.
 */
public record Validator(Address address, byte[] publicKey, long power) {
    public Validator {
        if (publicKey.length != 33) {
            throw new IllegalArgumentException("validator public key must be 33 bytes (compressed), got " + publicKey.length);
        }
        if (power <= 0) {
            throw new IllegalArgumentException("validator power must be positive, got " + power);
        }
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    public byte[] encode() {
        return Rlp.list(Rlp.bytes(address.bytes()), Rlp.bytes(publicKey), Rlp.uint(power));
    }

    public static Validator decode(RlpReader item) {
        RlpReader r = item.list();
        Validator v = new Validator(Address.of(r.bytes(20, "validator address")), r.bytes(33, "validator key"),
                r.uint64("validator power"));
        r.finish("validator");
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Validator v && address.equals(v.address) && power == v.power
                && Arrays.equals(publicKey, v.publicKey);
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + Long.hashCode(power);
    }

    @Override
    public String toString() {
        return "Validator(" + address + ", key=" + Hex.encode(publicKey) + ", power=" + power + ")";
    }
}
