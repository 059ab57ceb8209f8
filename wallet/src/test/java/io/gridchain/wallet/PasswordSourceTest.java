package io.gridchain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.wallet.PasswordSource.PasswordException;
import io.gridchain.wallet.PasswordSource.Prompt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordSourceTest {

    @Test
    void theFileComesFirstAndOnlyItsFirstLineCounts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from file\r\nsecond line\n");
        PasswordSource source = new PasswordSource(Optional.of(file), Map.of(PasswordSource.ENV, "from env"),
                Optional.of(typing("typed")));

        assertThat(source.forUnlocking("0xabc")).isEqualTo("from file");
    }

    @Test
    void thenTheEnvironmentThenThePrompt() {
        assertThat(new PasswordSource(Optional.empty(), Map.of(PasswordSource.ENV, "from env"), Optional.empty())
                .forUnlocking("k")).isEqualTo("from env");
        assertThat(new PasswordSource(Optional.empty(), Map.of(), Optional.of(typing("typed"))).forUnlocking("k"))
                .isEqualTo("typed");
        assertThatThrownBy(() -> new PasswordSource(Optional.empty(), Map.of(), Optional.empty()).forUnlocking("k"))
                .isInstanceOf(PasswordException.class).hasMessageContaining("--password-file");
    }

    @Test
    void aNewKeyNeedsANonEmptyConfirmedPassword(@TempDir Path dir) throws Exception {
        assertThat(new PasswordSource(Optional.empty(), Map.of(), Optional.of(typing("s3cret", "s3cret")))
                .forCreating("a new key")).isEqualTo("s3cret");
        assertThatThrownBy(() -> new PasswordSource(Optional.empty(), Map.of(), Optional.of(typing("a", "b")))
                .forCreating("k")).hasMessage("the passwords do not match");
        assertThatThrownBy(() -> new PasswordSource(Optional.empty(), Map.of(PasswordSource.ENV, ""), Optional.empty())
                .forCreating("k")).hasMessage("refusing an empty password for a new key");
        Path empty = dir.resolve("empty");
        Files.writeString(empty, "");
        assertThatThrownBy(() -> new PasswordSource(Optional.of(empty), Map.of(), Optional.empty()).forCreating("k"))
                .hasMessage("refusing an empty password for a new key");
        assertThatThrownBy(() -> new PasswordSource(Optional.of(dir.resolve("missing")), Map.of(), Optional.empty())
                .forUnlocking("k")).hasMessageStartingWith("cannot read the password file");
    }

    private static Prompt typing(String... answers) {
        Deque<String> queue = new ArrayDeque<>(List.of(answers));
        return message -> Optional.ofNullable(queue.poll()).map(String::toCharArray);
    }
}
