package io.gridchain.node.bft;

import io.gridchain.consensus.Input;
import io.gridchain.consensus.wal.WalFormat;
import io.gridchain.consensus.wal.WalRead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consensus inputs of the current height, on disk. Each input is appended and synced before the
 * engine sees it, so after a crash replaying the file rebuilds the engine exactly; the file starts
 * over at every new height, and so does the {@link BlockJournal} of the height's blocks beside it. A torn last entry (the crash came mid-write) is cut off; a corrupt entry
 * in the middle stops the node with the offset, since silently skipping it could make it sign twice.
 */
final class WriteAheadLog implements ConsensusLog {
    private static final Logger log = LoggerFactory.getLogger(WriteAheadLog.class);

    private final Path file;
    private final BlockJournal blocks;
    private FileChannel channel;
    private List<byte[]> keptBlocks = List.of();

    WriteAheadLog(Path file) {
        this.file = file;
        this.blocks = new BlockJournal(file.resolveSibling(file.getFileName() + ".blocks"));
    }

    @Override
    public void keepBlock(byte[] encodedBlock) {
        blocks.append(encodedBlock);
    }

    @Override
    public List<byte[]> keptBlocks() {
        return keptBlocks;
    }

    /** Reads what the last run logged, repairing a torn tail; then opens the file for appending. */
    @Override
    public List<Input> open() {
        keptBlocks = blocks.open();
        try {
            List<Input> inputs = List.of();
            if (Files.exists(file)) {
                WalRead read = WalFormat.read(Files.readAllBytes(file));
                if (read.end() instanceof WalRead.CorruptEntry corrupt) {
                    throw new IllegalStateException("consensus WAL " + file + " is corrupt at byte " + corrupt.offset()
                            + ": " + corrupt.reason() + "; move it aside only if this validator cannot have signed since");
                }
                if (read.end() instanceof WalRead.TruncatedTail torn) {
                    log.warn("consensus WAL: dropping a torn last entry of {} bytes at offset {}", torn.droppedBytes(), torn.offset());
                    try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        c.truncate(torn.offset());
                        c.force(true);
                    }
                }
                inputs = read.inputs();
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            return inputs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the consensus WAL " + file, e);
        }
    }

    @Override
    public void append(Input input) {
        try {
            ByteBuffer buf = ByteBuffer.wrap(WalFormat.entry(input));
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the consensus WAL " + file, e);
        }
    }

    /** Starts over for a new height. */
    @Override
    public void reset() {
        blocks.reset();
        keptBlocks = List.of();
        try {
            channel.truncate(0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset the consensus WAL " + file, e);
        }
    }

    @Override
    public void close() {
        blocks.close();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
