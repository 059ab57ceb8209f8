package io.gridchain.consensus.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The guard state in one file, replaced atomically: the new state is written to a temporary file in
 * the same directory, forced to disk, renamed over the old one, and the directory is forced. A crash
 * leaves either the old or the new state, never a mix. The file is [crc32c u32][RLP state]; a file
 * that fails its checksum stops the node (it must not sign without knowing what it signed).
 */
public final class FileSignGuardStore implements SignGuardStore {
    private final Path file;

    public FileSignGuardStore(Path file) {
        this.file = file;
    }

    @Override
    public GuardState load() {
        try {
            if (!Files.exists(file)) {
                return GuardState.EMPTY;
            }
            byte[] data = Files.readAllBytes(file);
            if (data.length < 4) {
                throw new IllegalStateException("signing guard file " + file + " is truncated");
            }
            ByteBuffer b = ByteBuffer.wrap(data);
            int crc = b.getInt();
            byte[] body = new byte[data.length - 4];
            b.get(body);
            if (crc != crc(body)) {
                throw new IllegalStateException("signing guard file " + file + " fails its checksum");
            }
            return GuardState.decode(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read signing guard file " + file, e);
        }
    }

    @Override
    public void save(GuardState state) {
        byte[] body = state.encode();
        ByteBuffer out = ByteBuffer.allocate(body.length + 4);
        out.putInt(crc(body)).put(body).flip();
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("file system of " + file + " cannot rename atomically", e);
            }
            forceDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write signing guard file " + file, e);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename is still atomic there.
        }
    }

    private static int crc(byte[] body) {
        CRC32C c = new CRC32C();
        c.update(body);
        return (int) c.getValue();
    }
}
