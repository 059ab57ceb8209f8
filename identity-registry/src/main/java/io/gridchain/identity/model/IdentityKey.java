package io.gridchain.identity.model;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;

/**
 * A key of an identity, held as its secp256k1 address (keccak of the public key, as Ethereum wallets
 * show it): that is what a recoverable signature yields, so no public key needs to be stored.
 * {@code revokedHeight} 0 means not revoked (height 0 is genesis, where no transaction runs).
 * The key is valid at heights {@code addedHeight ≤ h < revokedHeight}.
 */
public record IdentityKey(Address address, KeyPurpose purpose, long addedHeight, long revokedHeight) {
    public boolean isRevoked() {
        return revokedHeight != 0;
    }

    public boolean validAt(long height) {
        return addedHeight <= height && (revokedHeight == 0 || height < revokedHeight);
    }

    public IdentityKey revokedAt(long height) {
        return new IdentityKey(address, purpose, addedHeight, height);
    }

    byte[] encode() {
        return Rlp.list(Rlp.bytes(address.bytes()), Rlp.string(purpose.wireName()), Rlp.uint(addedHeight),
                Rlp.uint(revokedHeight));
    }

    static IdentityKey decode(RlpReader item) {
        RlpReader r = item.list();
        Address address = Address.of(r.bytes(20, "key address"));
        String purpose = r.string();
        IdentityKey key = new IdentityKey(address, KeyPurpose.parse(purpose)
                .orElseThrow(() -> new RlpException("unknown key purpose '" + purpose + "'")),
                r.uint64("addedHeight"), r.uint64("revokedHeight"));
        r.finish("key");
        return key;
    }
}
