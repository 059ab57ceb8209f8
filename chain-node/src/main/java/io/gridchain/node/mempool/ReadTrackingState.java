package io.gridchain.node.mempool;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.state.StateReader;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A view of committed state that remembers which keys were read through it. */
final class ReadTrackingState implements StateReader {
    private final StateReader committed;
    private final Set<Bytes> read = new HashSet<>();

    ReadTrackingState(StateReader committed) {
        this.committed = committed;
    }

    @Override
    public Optional<byte[]> get(Bytes key) {
        read.add(key);
        return committed.get(key);
    }

    boolean readAnyOf(Set<Bytes> written) {
        Set<Bytes> smaller = read.size() < written.size() ? read : written;
        Set<Bytes> larger = smaller == read ? written : read;
        for (Bytes key : smaller) {
            if (larger.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
