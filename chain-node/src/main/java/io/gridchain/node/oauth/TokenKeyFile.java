package io.gridchain.node.oauth;

import io.gridchain.identity.auth.TokenKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The node's access-token signing key (P-256, a private JWK) in its data directory, mode 0600: made at
 * the first start and read at every later one, so tokens already issued stay valid across restarts.
 * An existing file that others than its owner may read or write is refused: whoever can read the key can
 * issue tokens as the node, and a key others could have written may be theirs.
 */
public final class TokenKeyFile {
    private TokenKeyFile() {}

    public static TokenKeys loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            TokenKeys keys = TokenKeys.generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(tmp); // not a POSIX file system
            }
            Files.writeString(tmp, keys.privateJwk(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(tmp);
                return read(file); // another process made it first
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the token-signing key in " + file + ": " + e.getMessage(), e);
        }
    }

    private static TokenKeys read(Path file) throws IOException {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            perms = java.util.Set.of(); // not a POSIX file system: nothing to check
        }
        if (perms.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
            throw new IllegalStateException("the token-signing key " + file + " is open to others (mode "
                    + PosixFilePermissions.toString(perms) + "); make it private with chmod 600 " + file);
        }
        try {
            return TokenKeys.fromPrivateJwk(Files.readString(file, StandardCharsets.UTF_8));
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException("the token-signing key " + file + " is not a P-256 private JWK: "
                    + e.getMessage());
        }
    }
}
