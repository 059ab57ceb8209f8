package io.gridchain.node.storage;

import io.gridchain.core.bytes.Bytes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** The in-memory twin of the LevelDB store, for tests of the layers above storage. */
public final class InMemoryKeyValueStore implements KeyValueStore {
    private final ConcurrentSkipListMap<Bytes, byte[]> data = new ConcurrentSkipListMap<>();

    @Override
    public Optional<byte[]> get(byte[] key) {
        return Optional.ofNullable(data.get(Bytes.of(key))).map(byte[]::clone);
    }

    @Override
    public synchronized void write(WriteBatch batch, boolean sync) {
        for (Map.Entry<byte[], byte[]> op : batch.operations()) {
            if (op.getValue() == null) {
                data.remove(Bytes.of(op.getKey()));
            } else {
                data.put(Bytes.of(op.getKey()), op.getValue().clone());
            }
        }
    }

    @Override
    public void scan(byte[] prefix, ScanVisitor visitor) {
        for (Map.Entry<Bytes, byte[]> e : data.tailMap(Bytes.of(prefix)).entrySet()) {
            if (!e.getKey().startsWith(prefix) || !visitor.visit(e.getKey().toArray(), e.getValue().clone())) {
                return;
            }
        }
    }

    @Override
    public void close() {}
}
