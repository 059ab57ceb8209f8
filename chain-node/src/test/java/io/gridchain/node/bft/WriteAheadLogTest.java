package io.gridchain.node.bft;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.Input;
import io.gridchain.consensus.TimeoutKind;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAL and its block journal on a real disk: what a restart reads back, after a clean stop and after a torn write. */
class WriteAheadLogTest {
    @TempDir
    Path dir;

    @Test
    void inputsAndBlocksComeBackAfterARestartAndGoAtTheNextHeight() {
        Path file = dir.resolve("consensus.wal");
        WriteAheadLog wal = new WriteAheadLog(file);
        assertThat(wal.open()).isEmpty();
        wal.keepBlock(new byte[] {1, 2, 3});
        wal.append(new Input.TimeoutExpired(TimeoutKind.PROPOSE, 7, 0));
        wal.keepBlock(new byte[] {4, 5});
        wal.close();

        WriteAheadLog again = new WriteAheadLog(file);
        assertThat(again.open()).containsExactly(new Input.TimeoutExpired(TimeoutKind.PROPOSE, 7, 0));
        assertThat(again.keptBlocks()).containsExactly(new byte[] {1, 2, 3}, new byte[] {4, 5});
        again.reset();
        again.close();

        WriteAheadLog next = new WriteAheadLog(file);
        assertThat(next.open()).isEmpty();
        assertThat(next.keptBlocks()).isEmpty();
        next.close();
    }

    @Test
    void aTornLastBlockIsDroppedAndTheOnesBeforeItKept() throws Exception {
        Path file = dir.resolve("consensus.wal");
        WriteAheadLog wal = new WriteAheadLog(file);
        wal.open();
        wal.keepBlock(new byte[] {9, 9, 9, 9});
        wal.close();
        Path journal = dir.resolve("consensus.wal.blocks");
        long whole = Files.size(journal);
        try (FileChannel c = FileChannel.open(journal, StandardOpenOption.APPEND)) {
            c.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 5})); // a crash 5 bytes into a 100-byte block
        }

        WriteAheadLog again = new WriteAheadLog(file);
        again.open();
        assertThat(again.keptBlocks()).containsExactly(new byte[] {9, 9, 9, 9});
        assertThat(Files.size(journal)).as("the torn entry is cut off").isEqualTo(whole);
        again.keepBlock(new byte[] {7});
        again.close();
        WriteAheadLog third = new WriteAheadLog(file);
        third.open();
        assertThat(third.keptBlocks()).containsExactly(new byte[] {9, 9, 9, 9}, new byte[] {7});
        third.close();
    }
}
