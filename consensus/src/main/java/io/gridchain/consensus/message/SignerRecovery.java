package io.gridchain.consensus.message;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Signature;
import java.util.Optional;

/**
 * Who made a signature over a digest. Production uses secp256k1 recovery; a deterministic simulation
 * may plug in a cheaper scheme so that thousands of seeds run in seconds.
 */
@FunctionalInterface
public interface SignerRecovery {
    SignerRecovery SECP256K1 = Signature::recoverSigner;

    Optional<Address> recover(Signature signature, Hash32 digest);
}
