package io.gridchain.core.state;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.merkle.NodeSource;
import io.gridchain.core.merkle.SparseMerkleTree;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a block's state writes into the new authenticated root. The tree maps keccak256(key) to
 * keccak256(value); the values themselves are stored flat by key. Pure: the caller persists
 * {@link Commit#newNodes()} and {@link Commit#changes()} in one atomic write.
 */
public final class StateCommitment {
    private StateCommitment() {}

    public record Commit(Hash32 root, Map<Hash32, byte[]> newNodes, SortedMap<Bytes, Optional<byte[]>> changes) {}

    public static Commit commit(NodeSource nodes, Hash32 previousRoot, SortedMap<Bytes, Optional<byte[]>> changes) {
        SortedMap<Hash32, Optional<Hash32>> leaves = new TreeMap<>();
        changes.forEach((key, value) -> leaves.put(Keccak.hash(key.toArray()), value.map(Keccak::hash)));
        SparseMerkleTree.Update update = new SparseMerkleTree(nodes).update(previousRoot, leaves);
        return new Commit(update.root(), update.newNodes(), changes);
    }
}
