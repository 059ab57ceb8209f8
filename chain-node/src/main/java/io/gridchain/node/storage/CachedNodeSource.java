package io.gridchain.node.storage;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.merkle.NodeSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Merkle nodes read from the store through a bounded LRU cache: the upper levels of the tree are
 * read on every update, and a node never changes once written, so caching can never go stale.
 */
final class CachedNodeSource implements NodeSource {
    private final KeyValueStore store;
    private final Column<Hash32, byte[]> column;
    private final Map<Hash32, byte[]> cache;

    CachedNodeSource(KeyValueStore store, Column<Hash32, byte[]> column, int capacity) {
        this.store = store;
        this.column = column;
        this.cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Hash32, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Optional<byte[]> node(Hash32 hash) {
        synchronized (cache) {
            byte[] hit = cache.get(hash);
            if (hit != null) {
                return Optional.of(hit);
            }
        }
        Optional<byte[]> loaded = column.get(store, hash);
        loaded.ifPresent(n -> remember(hash, n));
        return loaded;
    }

    void remember(Hash32 hash, byte[] node) {
        synchronized (cache) {
            cache.put(hash, node);
        }
    }
}
