package io.gridchain.core.state;

import io.gridchain.core.bytes.Bytes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Buffered writes over a {@link StateReader}. A transaction executes in a child overlay that is
 * merged into its parent only when it succeeds, so a failed transaction leaves nothing behind.
 */
public final class StateOverlay implements StateReader {
    private static final Optional<byte[]> DELETED = Optional.empty();

    private final StateReader parent;
    private final Map<Bytes, Optional<byte[]>> writes = new HashMap<>();
    /**
     * Keys written here on top of a {@link #getToAddTo} read that the parent did not see as a read.
     * A later {@link #get} of one must still reach the parent, so that a read-recording view learns
     * that the value now decides something.
     */
    private final Set<Bytes> addedToUnread = new HashSet<>();

    public StateOverlay(StateReader parent) {
        this.parent = parent;
    }

    @Override
    public Optional<byte[]> get(Bytes key) {
        Optional<byte[]> written = writes.get(key);
        if (written != null) {
            if (addedToUnread.remove(key)) {
                parent.get(key); // recorded as a read; the value here is ours
            }
            return written.map(byte[]::clone);
        }
        return parent.get(key);
    }

    @Override
    public Optional<byte[]> getToAddTo(Bytes key) {
        Optional<byte[]> written = writes.get(key);
        if (written != null) {
            return written.map(byte[]::clone);
        }
        addedToUnread.add(key);
        return parent.getToAddTo(key);
    }

    public void put(Bytes key, byte[] value) {
        writes.put(key, Optional.of(value.clone()));
    }

    public void delete(Bytes key) {
        writes.put(key, DELETED);
    }

    public StateOverlay child() {
        return new StateOverlay(this);
    }

    /** Moves this overlay's writes into the overlay it was made from. */
    public void mergeIntoParent() {
        if (!(parent instanceof StateOverlay p)) {
            throw new IllegalStateException("only a child overlay can be merged into its parent");
        }
        p.writes.putAll(writes);
        p.addedToUnread.addAll(addedToUnread);
        writes.clear();
        addedToUnread.clear();
    }

    /** Every write, sorted by key; an empty value means the key was deleted. */
    public SortedMap<Bytes, Optional<byte[]>> changes() {
        return new TreeMap<>(writes);
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }
}
