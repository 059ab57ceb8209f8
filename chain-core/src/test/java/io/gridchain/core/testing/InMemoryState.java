package io.gridchain.core.testing;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.state.StateCommitment;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Committed state in memory: flat values plus the Merkle nodes, advanced by {@link #commit}. */
public final class InMemoryState implements StateReader {
    private final Map<Bytes, byte[]> values = new HashMap<>();
    private final InMemoryNodeSource nodes = new InMemoryNodeSource();
    private Hash32 root = Hash32.ZERO;

    @Override
    public Optional<byte[]> get(Bytes key) {
        return Optional.ofNullable(values.get(key)).map(byte[]::clone);
    }

    public Hash32 commit(StateOverlay overlay) {
        StateCommitment.Commit c = StateCommitment.commit(nodes, root, overlay.changes());
        nodes.putAll(c.newNodes());
        c.changes().forEach((k, v) -> {
            if (v.isPresent()) {
                values.put(k, v.get());
            } else {
                values.remove(k);
            }
        });
        root = c.root();
        return root;
    }

    public Hash32 root() {
        return root;
    }

    public InMemoryNodeSource nodes() {
        return nodes;
    }
}
