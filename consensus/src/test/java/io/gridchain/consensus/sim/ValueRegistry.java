package io.gridchain.consensus.sim;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.rlp.Rlp;
import java.util.HashSet;
import java.util.Set;

/** The blocks of a simulation: which value ids were built (valid) and which are garbage (invalid). */
final class ValueRegistry {
    private final Set<Hash32> valid = new HashSet<>();
    private long counter;

    Hash32 build(int node, long height, int round) {
        Hash32 v = Keccak.hash(Rlp.list(Rlp.string("block"), Rlp.uint(node), Rlp.uint(height), Rlp.uint(round),
                Rlp.uint(counter++)));
        valid.add(v);
        return v;
    }

    Hash32 garbage(int node, long height, int round) {
        return Keccak.hash(Rlp.list(Rlp.string("garbage"), Rlp.uint(node), Rlp.uint(height), Rlp.uint(round),
                Rlp.uint(counter++)));
    }

    boolean isValid(Hash32 value) {
        return valid.contains(value);
    }
}
