package io.gridchain.node.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.identity.auth.TokenKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The token-signing key is made once, kept private, and read back unchanged: tokens survive restarts. */
class TokenKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void theKeyIsMadeOnceWithMode0600AndReadBack() throws Exception {
        Path file = dir.resolve("oauth-signing-key.json");
        TokenKeys first = TokenKeyFile.loadOrCreate(file);
        assertThat(Files.getPosixFilePermissions(file))
                .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        TokenKeys again = TokenKeyFile.loadOrCreate(file);
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.publicKey()).isEqualTo(first.publicKey());
    }

    @Test
    void aDamagedKeyFileStopsTheNodeWithItsName() throws Exception {
        Path file = dir.resolve("oauth-signing-key.json");
        Files.writeString(file, "{}");
        assertThatThrownBy(() -> TokenKeyFile.loadOrCreate(file)).hasMessageContaining(file.toString());
    }

    @Test
    void aKeyFileOthersMayReadIsRefusedWithTheReason() throws Exception {
        Path file = dir.resolve("oauth-signing-key.json");
        TokenKeyFile.loadOrCreate(file);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> TokenKeyFile.loadOrCreate(file))
                .hasMessage("the token-signing key " + file + " is open to others (mode rw-r--r--); make it private with chmod 600 "
                        + file);
    }
}
