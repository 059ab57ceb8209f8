package io.gridchain.consensus.sim;

import io.gridchain.consensus.message.SignerRecovery;
import io.gridchain.consensus.signing.DigestSigner;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import java.util.Arrays;
import java.util.Optional;

/**
 * A signature scheme for simulation only: r carries the signer's address, s is keccak(address ‖
 * digest) cut below the curve's half order, v is 27. It has the shape of a secp256k1 signature, costs
 * one keccak instead of an elliptic-curve operation, and nobody in the simulation can forge it
 * because Byzantine nodes only sign through their own {@link DigestSigner}.
 */
final class SimSignatures {
    static final SignerRecovery RECOVERY = SimSignatures::recover;

    private SimSignatures() {}

    static DigestSigner signer(Address address) {
        return new DigestSigner() {
            @Override
            public Address address() {
                return address;
            }

            @Override
            public Signature sign(Hash32 digest) {
                return SimSignatures.sign(address, digest);
            }
        };
    }

    /** For the benchmark, where nothing verifies: one signature per validator, no hashing at all. */
    static DigestSigner fixed(Address address) {
        Signature signature = sign(address, Hash32.ZERO);
        return new DigestSigner() {
            @Override
            public Address address() {
                return address;
            }

            @Override
            public Signature sign(Hash32 digest) {
                return signature;
            }

            @Override
            public Signature signMessage(byte[] signBytes) {
                return signature;
            }
        };
    }

    static Signature sign(Address address, Hash32 digest) {
        byte[] b = new byte[Signature.LENGTH];
        System.arraycopy(address.bytes(), 0, b, 12, 20);
        byte[] s = Keccak.digest(concat(address.bytes(), digest.bytes()));
        s[0] &= 0x3F;
        s[31] |= 1;
        System.arraycopy(s, 0, b, 32, 32);
        b[64] = 27;
        return ((Signature.Decoded.Valid) Signature.decode(b)).signature();
    }

    private static Optional<Address> recover(Signature signature, Hash32 digest) {
        byte[] b = signature.bytes();
        Address claimed = Address.of(Arrays.copyOfRange(b, 12, 32));
        return sign(claimed, digest).equals(signature) ? Optional.of(claimed) : Optional.empty();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
