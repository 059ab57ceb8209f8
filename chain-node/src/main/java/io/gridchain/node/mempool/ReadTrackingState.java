package io.gridchain.node.mempool;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.state.StateReader;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A view of committed state that remembers which keys were read through it: those whose value
 * decided something ({@link #get}), and those only added to ({@link #getToAddTo}, credits). A block
 * that writes only keys of the second kind leaves the queue's verdicts as they were, but the values
 * built on them are now old: such keys are marked {@link #markChanged changed}, and a decision that
 * later reads one of them is noticed ({@link #readChangedKey}) and made again on fresh state.
 */
final class ReadTrackingState implements StateReader {
    private final StateReader committed;
    private final Set<Bytes> read = new HashSet<>();
    private final Set<Bytes> addedTo = new HashSet<>();
    private final Set<Bytes> changed = new HashSet<>();
    private boolean readChangedKey;

    ReadTrackingState(StateReader committed) {
        this.committed = committed;
    }

    @Override
    public Optional<byte[]> get(Bytes key) {
        read.add(key);
        if (changed.contains(key)) {
            readChangedKey = true;
        }
        return committed.get(key);
    }

    @Override
    public Optional<byte[]> getToAddTo(Bytes key) {
        addedTo.add(key);
        return committed.get(key);
    }

    boolean readAnyOf(Set<Bytes> written) {
        return intersects(read, written);
    }

    /** The keys read (for a decision) that are among {@code written}. */
    Set<Bytes> readAmong(Set<Bytes> written) {
        Set<Bytes> large = larger(read, written);
        Set<Bytes> both = new HashSet<>();
        for (Bytes key : smaller(read, written)) {
            if (large.contains(key)) {
                both.add(key);
            }
        }
        return both;
    }

    /** Notes which of the keys only added to a block wrote; true if there were any. */
    boolean markChanged(Set<Bytes> written) {
        Set<Bytes> large = larger(addedTo, written);
        boolean any = false;
        for (Bytes key : smaller(addedTo, written)) {
            if (large.contains(key)) {
                changed.add(key);
                any = true;
            }
        }
        return any;
    }

    /** Whether a decision read a key that changed since it was added to; clears the flag. */
    boolean takeReadChangedKey() {
        boolean was = readChangedKey;
        readChangedKey = false;
        return was;
    }

    private static boolean intersects(Set<Bytes> a, Set<Bytes> b) {
        Set<Bytes> large = larger(a, b);
        for (Bytes key : smaller(a, b)) {
            if (large.contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Bytes> smaller(Set<Bytes> a, Set<Bytes> b) {
        return a.size() <= b.size() ? a : b;
    }

    private static Set<Bytes> larger(Set<Bytes> a, Set<Bytes> b) {
        return a.size() <= b.size() ? b : a;
    }
}
