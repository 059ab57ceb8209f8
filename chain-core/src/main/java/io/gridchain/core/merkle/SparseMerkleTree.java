package io.gridchain.core.merkle;

import io.gridchain.core.crypto.Hash32;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A binary sparse Merkle tree over 256-bit paths, compacted: a subtree that holds a single leaf is
 * that leaf, so the depth grows with log2 of the number of keys, not with the key length. Nodes are
 * content-addressed and never rewritten, so every past root stays readable and provable.
 */
public final class SparseMerkleTree {
    private final NodeSource source;

    public SparseMerkleTree(NodeSource source) {
        this.source = source;
    }

    /** The result of a batch of writes: the new root and the nodes that did not exist before. */
    public record Update(Hash32 root, Map<Hash32, byte[]> newNodes) {}

    /**
     * Applies {@code changes} (path → value hash, or empty to delete) to the tree at {@code root}.
     */
    public Update update(Hash32 root, SortedMap<Hash32, Optional<Hash32>> changes) {
        Map<Hash32, byte[]> created = new HashMap<>();
        List<Map.Entry<Hash32, Optional<Hash32>>> entries = new ArrayList<>(changes.entrySet());
        Hash32 newRoot = update(root, 0, entries, 0, entries.size(), created);
        created.keySet().retainAll(reachableNew(newRoot, created));
        return new Update(newRoot, created);
    }

    private Hash32 update(Hash32 nodeHash, int depth, List<Map.Entry<Hash32, Optional<Hash32>>> entries,
                          int from, int to, Map<Hash32, byte[]> created) {
        if (from == to) {
            return nodeHash;
        }
        SmtNode node = nodeHash.isZero() ? null : load(nodeHash, created);
        if (node instanceof SmtNode.Branch branch) {
            int mid = splitByBit(entries, from, to, depth);
            Hash32 left = update(branch.left(), depth + 1, entries, from, mid, created);
            Hash32 right = update(branch.right(), depth + 1, entries, mid, to, created);
            return branch(left, right, created);
        }
        List<Map.Entry<Hash32, Optional<Hash32>>> merged = new ArrayList<>(to - from + 1);
        for (int i = from; i < to; i++) {
            if (entries.get(i).getValue().isPresent()) {
                merged.add(entries.get(i));
            }
        }
        if (node instanceof SmtNode.Leaf leaf && !containsPath(entries, from, to, leaf.path())) {
            merged.add(Map.entry(leaf.path(), Optional.of(leaf.valueHash())));
            merged.sort(Map.Entry.comparingByKey());
        }
        return build(merged, 0, merged.size(), depth, created);
    }

    private Hash32 build(List<Map.Entry<Hash32, Optional<Hash32>>> leaves, int from, int to, int depth,
                         Map<Hash32, byte[]> created) {
        if (from == to) {
            return Hash32.ZERO;
        }
        if (to - from == 1) {
            Map.Entry<Hash32, Optional<Hash32>> e = leaves.get(from);
            return store(new SmtNode.Leaf(e.getKey(), e.getValue().orElseThrow()), created);
        }
        int mid = splitByBit(leaves, from, to, depth);
        return branch(build(leaves, from, mid, depth + 1, created), build(leaves, mid, to, depth + 1, created), created);
    }

    /** Joins two subtrees, collapsing a lone leaf upward so that no branch holds just one leaf. */
    private Hash32 branch(Hash32 left, Hash32 right, Map<Hash32, byte[]> created) {
        if (left.isZero() && right.isZero()) {
            return Hash32.ZERO;
        }
        if (left.isZero() && load(right, created) instanceof SmtNode.Leaf) {
            return right;
        }
        if (right.isZero() && load(left, created) instanceof SmtNode.Leaf) {
            return left;
        }
        return store(new SmtNode.Branch(left, right), created);
    }

    /** Proves the presence or absence of {@code path} under {@code root}. */
    public SmtProof prove(Hash32 root, Hash32 path) {
        List<Hash32> siblings = new ArrayList<>();
        Hash32 current = root;
        for (int depth = 0; !current.isZero(); depth++) {
            SmtNode node = load(current, Map.of());
            if (node instanceof SmtNode.Leaf leaf) {
                return new SmtProof(siblings, Optional.of(new SmtProof.LeafAt(leaf.path(), leaf.valueHash())));
            }
            SmtNode.Branch b = (SmtNode.Branch) node;
            boolean right = path.bit(depth) == 1;
            siblings.add(right ? b.left() : b.right());
            current = right ? b.right() : b.left();
        }
        return new SmtProof(siblings, Optional.empty());
    }

    /** The value hash stored at {@code path}, if any. */
    public Optional<Hash32> find(Hash32 root, Hash32 path) {
        SmtProof proof = prove(root, path);
        return proof.terminal().filter(l -> l.path().equals(path)).map(SmtProof.LeafAt::valueHash);
    }

    private static int splitByBit(List<Map.Entry<Hash32, Optional<Hash32>>> entries, int from, int to, int depth) {
        int i = from;
        while (i < to && entries.get(i).getKey().bit(depth) == 0) {
            i++;
        }
        return i;
    }

    private static boolean containsPath(List<Map.Entry<Hash32, Optional<Hash32>>> entries, int from, int to, Hash32 path) {
        for (int i = from; i < to; i++) {
            if (entries.get(i).getKey().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private Hash32 store(SmtNode node, Map<Hash32, byte[]> created) {
        byte[] enc = node.encode();
        Hash32 hash = io.gridchain.core.crypto.Keccak.hash(enc);
        created.put(hash, enc);
        return hash;
    }

    private SmtNode load(Hash32 hash, Map<Hash32, byte[]> created) {
        byte[] enc = created.get(hash);
        if (enc == null) {
            enc = source.node(hash).orElseThrow(() -> new IllegalStateException("missing Merkle node " + hash));
        }
        return SmtNode.decode(enc);
    }

    /** Intermediate nodes built and then replaced in the same batch are dropped before storing. */
    private static java.util.Set<Hash32> reachableNew(Hash32 root, Map<Hash32, byte[]> created) {
        java.util.Set<Hash32> keep = new java.util.HashSet<>();
        java.util.ArrayDeque<Hash32> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Hash32 h = todo.pop();
            byte[] enc = created.get(h);
            if (enc == null || !keep.add(h)) {
                continue;
            }
            if (SmtNode.decode(enc) instanceof SmtNode.Branch b) {
                todo.push(b.left());
                todo.push(b.right());
            }
        }
        return keep;
    }
}
