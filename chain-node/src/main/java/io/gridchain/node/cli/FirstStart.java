package io.gridchain.node.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Whether a start is a node's first, and undoing it when it fails: a data directory left half made
 * (a fresh mnemonic, an empty chain) would make the next attempt "continue" a chain that never ran.
 * A directory that already held something is never touched.
 */
final class FirstStart {
    private final Path dataDir;
    private final boolean existed;
    private final boolean first;

    private FirstStart(Path dataDir, boolean existed, boolean first) {
        this.dataDir = dataDir;
        this.existed = existed;
        this.first = first;
    }

    static FirstStart at(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return new FirstStart(dataDir, false, true);
        }
        try (Stream<Path> entries = Files.list(dataDir)) {
            return new FirstStart(dataDir, true, entries.findAny().isEmpty());
        } catch (IOException e) {
            return new FirstStart(dataDir, true, false); // not ours to judge; the start reports what is wrong
        }
    }

    /** After a failed first start: removes what it made, leaving the directory as the user gave it. */
    void undo() {
        if (!first || !Files.exists(dataDir)) {
            return;
        }
        try {
            NodeCommand.deleteRecursively(dataDir);
            if (existed) {
                Files.createDirectories(dataDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the first start failed, and removing " + dataDir + " failed too: " + e.getMessage(), e);
        }
    }
}
