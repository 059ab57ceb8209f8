package io.gridchain.node.bft;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.Secp256k1PublicKey;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Whether a peer is a validator of the current set: a validator's libp2p identity is its signing key,
 * so its peer id follows from the public key in the set. The host reserves slots for these peers.
 * Recomputed when governance changes the set.
 */
final class ValidatorPeers implements Predicate<PeerId> {
    private final Supplier<ValidatorSet> validators;
    private volatile Hash32 setHash;
    private volatile Set<PeerId> peers = Set.of();

    ValidatorPeers(Supplier<ValidatorSet> validators) {
        this.validators = validators;
    }

    @Override
    public boolean test(PeerId peer) {
        ValidatorSet set = validators.get();
        if (!set.hash().equals(setHash)) {
            Set<PeerId> ids = new HashSet<>();
            for (Validator v : set.validators()) {
                ids.add(PeerId.fromPublicKey(new Secp256k1PublicKey(v.publicKey())));
            }
            peers = Set.copyOf(ids);
            setHash = set.hash();
        }
        return peers.contains(peer);
    }
}
