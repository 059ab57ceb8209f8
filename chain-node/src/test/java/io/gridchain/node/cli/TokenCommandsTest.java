package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import io.gridchain.wallet.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `login --scope` asks the node for scopes; `token verify` checks the token as a service would, offline. */
class TokenCommandsTest {
    @TempDir
    Path dir;

    private static CliRun run(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        return CliRun.run(all.toArray(String[]::new));
    }

    @Test
    void aScopedTokenIsVerifiedOfflineAndEachRefusalIsOneLine() throws Exception {
        TestChain chain = new TestChain(1, ChainParams.DEFAULTS, d -> d.withIdentity(GenesisDocument.IdentitySection.DEV));
        try (RunningNode n = new RunningNode(chain, dir.resolve("node"), Duration.ofMillis(50))) {
            Files.writeString(dir.resolve("pw"), "pw\n");
            List<String> common = List.of("--password-file", dir.resolve("pw").toString(), "--node", n.base(),
                    "--keystore-dir", dir.resolve("keys").toString());
            SigningKey aliceKey = chain.accounts.get(0);
            Path alice = dir.resolve("alice.json");
            Keystore.write(alice, aliceKey, "pw", Keystore.Strength.LIGHT);
            assertThat(run(common, "identity", "register", "alice", "--keystore", alice.toString(), "--yes").exit()).isZero();
            CliRun org = run(common, "org", "create", "acme", "--as", "alice", "--keystore", alice.toString(), "--yes");
            assertThat(org.exit()).as(org.err()).isZero();

            CliRun login = run(common, "login", "--keystore", alice.toString(), "--audience", "https://portal.example",
                    "--scope", "memberof:acme");
            assertThat(login.exit()).as(login.err()).isZero();
            String token = login.out().strip();

            CliRun ok = CliRun.run("token", "verify", token, "--audience", "https://portal.example", "--node", n.base());
            assertThat(ok.exit()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("valid: subject alice").contains("scope: identity memberof:acme")
                    .contains("key: " + aliceKey.address() + "; chain 1337");

            CliRun otherService = CliRun.run("token", "verify", token, "--audience", "https://scheduler.example", "--node", n.base());
            assertThat(otherService.exit()).isEqualTo(1);
            assertThat(otherService.err().lines().toList()).containsExactly(
                    "error: token refused: the token is for audience https://portal.example, not https://scheduler.example");

            CliRun noSuchOrg = run(common, "login", "--keystore", alice.toString(), "--audience", "https://portal.example",
                    "--scope", "memberof:nope");
            assertThat(noSuchOrg.exit()).isEqualTo(1);
            assertThat(noSuchOrg.err().lines().toList()).hasSize(1);
            assertThat(noSuchOrg.err()).startsWith("error: ").contains("the organization 'nope' does not exist");

            String wellKnown = n.get("/.well-known/oauth-authorization-server").body();
            assertThat(wellKnown).contains("\"introspection_endpoint_auth_methods_supported\":[\"private_key_jwt\",\"bearer\"]");
        }
    }
}
