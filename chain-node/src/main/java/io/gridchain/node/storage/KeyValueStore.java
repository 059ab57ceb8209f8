package io.gridchain.node.storage;

import java.io.Closeable;
import java.util.Map;
import java.util.Optional;

/** The one storage port of the node. Writes happen only in atomic batches. */
public interface KeyValueStore extends Closeable {
    Optional<byte[]> get(byte[] key);

    /** Applies every put and delete at once; {@code sync} waits until the data is on disk. */
    void write(WriteBatch batch, boolean sync);

    /** Visits keys that start with {@code prefix} in key order, stopping when the visitor returns false. */
    void scan(byte[] prefix, ScanVisitor visitor);

    @Override
    void close();

    interface ScanVisitor {
        boolean visit(byte[] key, byte[] value);
    }

    /** An ordered list of puts and deletes (a null value is a delete). */
    final class WriteBatch {
        private final java.util.List<Map.Entry<byte[], byte[]>> ops = new java.util.ArrayList<>();

        public WriteBatch put(byte[] key, byte[] value) {
            ops.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key, value));
            return this;
        }

        public WriteBatch delete(byte[] key) {
            ops.add(new java.util.AbstractMap.SimpleImmutableEntry<>(key, null));
            return this;
        }

        public java.util.List<Map.Entry<byte[], byte[]>> operations() {
            return ops;
        }

        public int size() {
            return ops.size();
        }
    }
}
