package io.gridchain.consensus.signing;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;

/** The raw key operation behind the guard: sign a 32-byte digest. */
public interface DigestSigner {
    Address address();

    Signature sign(Hash32 digest);

    /** Signs the digest of a message's sign bytes: keccak256(signBytes). */
    default Signature signMessage(byte[] signBytes) {
        return sign(Keccak.hash(signBytes));
    }

    static DigestSigner of(SigningKey key) {
        return new DigestSigner() {
            @Override
            public Address address() {
                return key.address();
            }

            @Override
            public Signature sign(Hash32 digest) {
                return key.sign(digest);
            }
        };
    }
}
