package io.gridchain.core.testing;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.merkle.NodeSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Merkle nodes in a map, for tests of layers above the tree. */
public final class InMemoryNodeSource implements NodeSource {
    private final Map<Hash32, byte[]> nodes = new HashMap<>();

    @Override
    public Optional<byte[]> node(Hash32 hash) {
        return Optional.ofNullable(nodes.get(hash));
    }

    public void putAll(Map<Hash32, byte[]> newNodes) {
        nodes.putAll(newNodes);
    }

    public int size() {
        return nodes.size();
    }
}
