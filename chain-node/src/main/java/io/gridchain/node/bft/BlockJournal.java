package io.gridchain.node.bft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocks of the current height's proposals, beside the WAL: entries [length u32][crc32c u32]
 * [block bytes], each synced when written. Losing a block costs liveness, never safety (the engine's
 * state is in the WAL), so a torn or damaged entry ends the journal there with a warning.
 */
final class BlockJournal implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BlockJournal.class);
    private static final int HEADER = 8;
    /** A block is at most the chain's block size; this bounds what a damaged length can make us read. */
    private static final int MAX_ENTRY = 64 * 1024 * 1024;

    private final Path file;
    private FileChannel channel;

    BlockJournal(Path file) {
        this.file = file;
    }

    List<byte[]> open() {
        try {
            List<byte[]> blocks = new ArrayList<>();
            long good = 0;
            if (Files.exists(file)) {
                byte[] all = Files.readAllBytes(file);
                ByteBuffer b = ByteBuffer.wrap(all);
                while (b.remaining() >= HEADER) {
                    int length = b.getInt();
                    int crc = b.getInt();
                    if (length < 0 || length > MAX_ENTRY || length > b.remaining()) {
                        break;
                    }
                    byte[] block = new byte[length];
                    b.get(block);
                    if (crc(block) != crc) {
                        break;
                    }
                    blocks.add(block);
                    good = b.position();
                }
                if (good < all.length) {
                    log.warn("consensus block journal: dropping {} damaged or torn bytes at offset {}", all.length - good, good);
                    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        c.truncate(good);
                        c.force(true);
                    }
                }
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the consensus block journal " + file, e);
        }
    }

    void append(byte[] block) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(HEADER + block.length).putInt(block.length).putInt(crc(block)).put(block).flip();
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the consensus block journal " + file, e);
        }
    }

    void reset() {
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the consensus block journal " + file, e);
        }
    }

    private static int crc(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes);
        return (int) c.getValue();
    }

    @Override
    public void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
