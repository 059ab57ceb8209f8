package io.gridchain.core.block;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.tx.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A binary Merkle root over the transaction hashes, in block order. Leaves and inner nodes carry
 * distinct prefixes (0x00, 0x01) so that no inner node can pose as a leaf; an odd node is promoted.
 */
public final class TransactionsRoot {
    private static final byte[] LEAF = {0x00};
    private static final byte[] NODE = {0x01};

    private TransactionsRoot() {}

    public static Hash32 of(List<Transaction> transactions) {
        if (transactions.isEmpty()) {
            return Hash32.ZERO;
        }
        List<Hash32> level = new ArrayList<>(transactions.size());
        for (Transaction tx : transactions) {
            level.add(Keccak.hash(LEAF, tx.hash().bytes()));
        }
        while (level.size() > 1) {
            List<Hash32> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                next.add(i + 1 < level.size() ? Keccak.hash(NODE, level.get(i).bytes(), level.get(i + 1).bytes()) : level.get(i));
            }
            level = next;
        }
        return level.get(0);
    }
}
