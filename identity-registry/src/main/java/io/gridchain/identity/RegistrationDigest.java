package io.gridchain.identity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.identity.model.Metadata;

/**
 * What a registrar signs to countersign a registration: keccak256 of the RLP list (domain tag, chain id,
 * name, owner, metadata). The tag keeps this signature from meaning anything else; the chain id keeps
 * it from being replayed on another chain.
 */
public final class RegistrationDigest {
    public static final String TAG = "gridchain/identity.register/v1";

    private RegistrationDigest() {}

    public static Hash32 of(long chainId, String name, Address owner, Metadata metadata) {
        return Keccak.hash(Rlp.list(Rlp.string(TAG), Rlp.uint(chainId), Rlp.string(name), Rlp.bytes(owner.bytes()),
                metadata.encode()));
    }
}
