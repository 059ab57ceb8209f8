package io.gridchain.node.storage;

import io.gridchain.core.bytes.Bytes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The head's state values (and absences) through an LRU cache bounded in bytes. Each transaction
 * reads its sender's and recipient's accounts and the proposer's when it is admitted, built or
 * checked into a block, and re-executed; a lookup in LevelDB-Java took 4–7 µs and allocated about
 * 10 KB, which made these reads a large part of a loaded validator's garbage.
 *
 * <p>Only a commit changes the head's state, and it tells the cache its changes after writing them.
 * A lookup that read the store while a commit happened may have read the value from before it, so
 * it is kept only when no commit came in between.
 */
final class LatestStateCache {
    private static final byte[] ABSENT = new byte[0];
    /** Roughly what an entry costs beyond its key and value: the map entry, the key object, headers. */
    private static final int ENTRY_OVERHEAD = 96;

    private final long maxBytes;
    private final LinkedHashMap<Bytes, byte[]> values = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;
    private long commits;

    LatestStateCache(long maxBytes) {
        this.maxBytes = maxBytes;
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
                put(key, read.orElse(ABSENT));
            }
        }
        return read;
    }

    /** Called once the store holds {@code changes} (a value, or empty for a deletion). */
    synchronized void committed(Map<Bytes, Optional<byte[]>> changes) {
        commits++;
        changes.forEach((key, value) -> put(key, value.orElse(ABSENT)));
    }

    private void put(Bytes key, byte[] value) {
        byte[] replaced = values.put(key, value);
        bytes += cost(key, value) - (replaced == null ? 0 : cost(key, replaced));
        if (bytes <= maxBytes) {
            return;
        }
        Iterator<Map.Entry<Bytes, byte[]>> eldest = values.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<Bytes, byte[]> e = eldest.next();
            bytes -= cost(e.getKey(), e.getValue());
            eldest.remove();
        }
    }

    private static long cost(Bytes key, byte[] value) {
        return key.length() + value.length + ENTRY_OVERHEAD;
    }
}
