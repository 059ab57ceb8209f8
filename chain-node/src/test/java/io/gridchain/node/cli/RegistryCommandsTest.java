package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.capacity.CapacityParams;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import io.gridchain.wallet.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity, login, farm, grid-node and lease commands against a running node, as a user runs them
 * with keystore files and --password-file: registration to a token, and a lease from creation to its
 * cancellation, with the cost printed before signing.
 */
class RegistryCommandsTest {
    @TempDir
    Path dir;

    private static CliRun run(List<String> common, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(common);
        return CliRun.run(all.toArray(String[]::new));
    }

    private Path keystore(SigningKey key, String name) throws Exception {
        Path file = dir.resolve(name + ".json");
        Keystore.write(file, key, "pw", Keystore.Strength.LIGHT);
        return file;
    }

    @Test
    void fromRegistrationToATokenAndFromALeaseToItsEnd() throws Exception {
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS, d -> d.withIdentity(GenesisDocument.IdentitySection.DEV)
                .withCapacity(new CapacityParams(CapacityParams.DEFAULTS.minPrices(), CapacityParams.DEFAULTS.maxPrices(),
                        60, 60, java.util.Optional.empty())));
        try (RunningNode n = new RunningNode(chain, dir.resolve("node"), Duration.ofMillis(50))) {
            Files.writeString(dir.resolve("pw"), "pw\n");
            List<String> common = List.of("--password-file", dir.resolve("pw").toString(), "--node", n.base(),
                    "--keystore-dir", dir.resolve("keys").toString());
            String alice = keystore(chain.accounts.get(0), "alice").toString();
            String bob = keystore(chain.accounts.get(1), "bob").toString();
            SigningKey nodeKey = SigningKey.random(new SecureRandom());

            CliRun reg = run(common, "identity", "register", "alice", "--keystore", alice, "--yes");
            assertThat(reg.exit()).as(reg.err()).isZero();
            assertThat(reg.out()).contains("cost: registration fee 0.00001 GRID + fee").contains("identity.registered");
            CliRun token = run(common, "login", "--keystore", alice, "--audience", "https://portal.example");
            assertThat(token.exit()).as(token.err()).isZero();
            assertThat(token.out().strip().split("\\.")).hasSize(3);
            assertThat(run(common, "identity", "show", "alice").out()).contains("\"owner\" : \"" + chain.accounts.get(0).address());

            assertThat(run(common, "identity", "register", "bob", "--keystore", bob, "--yes").exit()).isZero();
            CliRun farm = run(common, "farm", "create", "green", "--owner", "alice", "--payout", chain.accounts.get(0).address().toString(),
                    "--keystore", alice, "--yes");
            assertThat(farm.exit()).as(farm.err()).isZero();
            String farmId = farm.out().lines().filter(l -> l.startsWith("farm id ")).findFirst().orElseThrow().substring(8);
            CliRun node = run(common, "grid-node", "register", "--node-keystore", keystore(nodeKey, "grid-node").toString(), "--farm", farmId,
                    "--cru", "4", "--mru", "8", "--price-cru", "0.36", "--keystore", alice, "--yes");
            assertThat(node.exit()).as(node.err()).isZero();
            CliRun lease = run(common, "lease", "create", "--grid-node", nodeKey.address().toString(), "--tenant", "bob",
                    "--cru", "1", "--hours", "1", "--keystore", bob, "--yes");
            assertThat(lease.exit()).as(lease.err()).isZero();
            assertThat(lease.out()).contains("at 0.36 GRID per hour").contains("cost: escrow 0.36 GRID + fee");
            String leaseId = lease.out().lines().filter(l -> l.startsWith("lease id ")).findFirst().orElseThrow().substring(9);

            CliRun verified = run(common, "lease", "verify", "--grid-node", nodeKey.address().toString(), "--tenant", "bob", "--cru", "1");
            assertThat(verified.exit()).as(verified.err()).isZero();
            assertThat(verified.out()).contains("\"valid\" : true");
            CliRun tooMuch = run(common, "lease", "verify", "--grid-node", nodeKey.address().toString(), "--tenant", "bob", "--cru", "2");
            assertThat(tooMuch.exit()).isEqualTo(3);

            CliRun cancelled = run(common, "lease", "cancel", leaseId, "--keystore", bob, "--yes");
            assertThat(cancelled.exit()).as(cancelled.err()).isZero();
            assertThat(cancelled.out()).contains("lease.ended").contains("cause=cancelled");
            assertThat(run(common, "lease", "show", leaseId).out()).contains("\"state\" : \"ended\"");

            CliRun again = run(common, "lease", "top-up", leaseId, "--amount", "1", "--keystore", bob, "--yes");
            assertThat(again.exit()).isEqualTo(1);
            assertThat(again.err().strip()).startsWith("error: ").contains("ended");
            assertThat(again.err().lines().count()).isEqualTo(1);
        }
    }
}
