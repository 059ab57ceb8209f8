package io.gridchain.node.storage.leveldb;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.node.storage.KeyValueStore;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LevelDbCompactionPriorityTest {
    @TempDir
    Path dir;

    /** Enough writes to fill the memtable start LevelDB's compaction thread; it then runs at the lowest priority. */
    @Test
    void compactionRunsAtTheLowestPriorityOnceItStarts() {
        List<Thread> before = compactionThreads();
        try (LevelDbKeyValueStore store = LevelDbKeyValueStore.open(dir.toFile())) {
            Random random = new Random(1);
            byte[] value = new byte[1024];
            for (int batch = 0; batch < 40 && started(before).isEmpty(); batch++) {
                KeyValueStore.WriteBatch b = new KeyValueStore.WriteBatch();
                for (int i = 0; i < 1024; i++) {
                    random.nextBytes(value);
                    b.put(ByteBuffer.allocate(8).putInt(batch).putInt(i).array(), value.clone());
                }
                store.write(b, false);
            }
            store.write(new KeyValueStore.WriteBatch(), false); // the write after the flush lowers it
            assertThat(started(before)).isNotEmpty().allSatisfy(t -> assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY));
        }
    }

    private static List<Thread> started(List<Thread> before) {
        List<Thread> now = compactionThreads();
        now.removeAll(before);
        return now;
    }

    private static List<Thread> compactionThreads() {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("leveldb-compaction")) {
                out.add(t);
            }
        }
        return out;
    }
}
