package io.gridchain.node.storage;

import io.gridchain.core.bytes.Bytes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The head's state values (and absences) through a bounded LRU cache. Each transaction reads its
 * sender's and recipient's accounts and the proposer's when it is admitted, built or checked into a
 * block, and re-executed; a lookup in LevelDB-Java took 4–7 µs and allocated about 10 KB, which made
 * these reads a large part of a loaded validator's garbage.
 *
 * <p>Only a commit changes the head's state, and it tells the cache its changes after writing them.
 * A lookup that read the store while a commit happened may have read the value from before it, so
 * it is kept only when no commit came in between.
 */
final class LatestStateCache {
    private static final byte[] ABSENT = new byte[0];

    private final Map<Bytes, byte[]> values;
    private long commits;

    LatestStateCache(int capacity) {
        this.values = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Bytes, byte[]> eldest) {
                return size() > capacity;
            }
        };
    }

    Optional<byte[]> get(Bytes key, Function<Bytes, Optional<byte[]>> store) {
        long commitsBefore;
        synchronized (this) {
            byte[] hit = values.get(key);
            if (hit != null) {
                return hit == ABSENT ? Optional.empty() : Optional.of(hit);
            }
            commitsBefore = commits;
        }
        Optional<byte[]> read = store.apply(key);
        synchronized (this) {
            if (commits == commitsBefore) {
                values.put(key, read.orElse(ABSENT));
            }
        }
        return read;
    }

    /** Called once the store holds {@code changes} (a value, or empty for a deletion). */
    synchronized void committed(Map<Bytes, Optional<byte[]>> changes) {
        commits++;
        changes.forEach((key, value) -> values.put(key, value.orElse(ABSENT)));
    }
}
