package io.gridchain.lightclient;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.rlp.Rlp;

/**
 * What a validator signs to precommit a block. This is consensus's {@code Vote.signBytes()} for a
 * precommit — RLP(chain id as a decimal string, type 3, height, round, block hash) — carried here so
 * that clients (wallet, grid agents) depend on chain-core only; this module's tests check it against
 * the original.
 */
public final class Precommits {
    static final int PRECOMMIT = 3;

    private Precommits() {}

    public static Hash32 digest(long chainId, long height, int round, Hash32 blockHash) {
        return Keccak.hash(Rlp.list(Rlp.string(Long.toString(chainId)), Rlp.uint(PRECOMMIT), Rlp.uint(height),
                Rlp.uint(round), Rlp.bytes(blockHash.bytes())));
    }
}
