package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import io.gridchain.wallet.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gridchain login} signs only a challenge for the node it called. */
class LoginCheckTest {
    @TempDir
    Path dir;

    @Test
    void aChallengeNamingAnotherDomainIsNotSigned() throws Exception {
        TestChain chain = new TestChain(1);
        // the node answers at 127.0.0.1 but its challenges name another site, as a relaying attacker's would
        try (RunningNode n = new RunningNode(chain, dir.resolve("node"), Duration.ofMillis(100), 0,
                c -> c.withPublicUrl(Optional.of("https://wallet-drainer.example")))) {
            Files.writeString(dir.resolve("pw"), "pw\n");
            Path key = dir.resolve("alice.json");
            Keystore.write(key, chain.accounts.get(0), "pw", Keystore.Strength.LIGHT);
            CliRun login = CliRun.run("login", "--keystore", key.toString(), "--audience", "https://portal.example",
                    "--password-file", dir.resolve("pw").toString(), "--node", n.base(),
                    "--keystore-dir", dir.resolve("keys").toString());
            assertThat(login.exit()).isNotZero();
            assertThat(login.out()).isEmpty();
            assertThat(login.err().strip()).isEqualTo("error: not signing: the challenge is for wallet-drainer.example, not for "
                    + "127.0.0.1:" + n.node.apiPort() + ", the node called");
        }
    }
}
