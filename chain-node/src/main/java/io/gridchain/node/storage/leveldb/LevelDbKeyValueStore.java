package io.gridchain.node.storage.leveldb;

import io.gridchain.node.storage.KeyValueStore;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.iq80.leveldb.CompressionType;
import org.iq80.leveldb.DB;
import org.iq80.leveldb.DBIterator;
import org.iq80.leveldb.Options;
import org.iq80.leveldb.WriteOptions;
import org.iq80.leveldb.impl.Iq80DBFactory;

/** The node's storage on LevelDB-Java. All LevelDB code of the project is in this package. */
public final class LevelDbKeyValueStore implements KeyValueStore {
    private static final String COMPACTION_THREAD = "leveldb-compaction";
    private final DB db;
    private volatile boolean compactionYields;

    private LevelDbKeyValueStore(DB db) {
        this.db = db;
    }

    public static LevelDbKeyValueStore open(File directory) {
        Options options = new Options().createIfMissing(true).compressionType(CompressionType.NONE)
                .cacheSize(64L << 20).writeBufferSize(16 << 20);
        try {
            return new LevelDbKeyValueStore(Iq80DBFactory.factory.open(directory, options));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the database in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> get(byte[] key) {
        return Optional.ofNullable(db.get(key));
    }

    @Override
    public void write(WriteBatch batch, boolean sync) {
        try (org.iq80.leveldb.WriteBatch b = db.createWriteBatch()) {
            for (Map.Entry<byte[], byte[]> op : batch.operations()) {
                if (op.getValue() == null) {
                    b.delete(op.getKey());
                } else {
                    b.put(op.getKey(), op.getValue());
                }
            }
            db.write(b, new WriteOptions().sync(sync));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!compactionYields) {
            compactionYields = lowerCompactionPriority();
        }
    }

    /**
     * Compaction is background work that can wait; a block's check or vote cannot. With random keys
     * (hashes) every level-0 compaction rewrites the whole of level 1, so on a loaded machine it took the
     * CPU from consensus for seconds at a time. LevelDB starts its compaction thread on the first
     * memtable flush; from then on it runs at the lowest priority. The JVM maps that to an OS priority
     * only with {@code -XX:ThreadPriorityPolicy=1} (see the README); otherwise this changes nothing.
     */
    private static boolean lowerCompactionPriority() {
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int n = Thread.enumerate(threads);
        boolean found = false;
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().startsWith(COMPACTION_THREAD)) {
                threads[i].setPriority(Thread.MIN_PRIORITY);
                found = true;
            }
        }
        return found;
    }

    @Override
    public void scan(byte[] prefix, ScanVisitor visitor) {
        try (DBIterator it = db.iterator()) {
            for (it.seek(prefix); it.hasNext(); ) {
                Map.Entry<byte[], byte[]> e = it.next();
                byte[] key = e.getKey();
                if (key.length < prefix.length || !Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length)
                        || !visitor.visit(key, e.getValue())) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
