package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.identity.IdentityParams;
import io.gridchain.identity.model.Metadata;
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
 * A network whose registration needs a registrar, as its people use it: `genesis new` names the
 * registrar; the applicant writes a signed request, the registrar countersigns it, the applicant
 * registers with it; a request for another chain, an edited request and a non-registrar's
 * countersignature are each refused with one line; the registrar suspends and restores.
 */
class RegistrarCommandsTest {
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

    private static void assertOneError(CliRun r, String... fragments) {
        assertThat(r.exit()).as(r.out()).isNotZero();
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains(fragments);
    }

    @Test
    void genesisNewNamesTheRegistrarsAndTheRegistrationMode() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "pw\n");
        String registrar = SigningKey.random(new SecureRandom()).address().toString();
        CliRun made = CliRun.run("genesis", "new", "--validators", "1", "--out", dir.resolve("net").toString(),
                "--password-file", pw.toString(), "--light-kdf", "--registration", "registrar", "--registrar", registrar);
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("registration: registrar, registrars [" + registrar + "]");
        String genesis = Files.readString(dir.resolve("net/genesis.json"));
        assertThat(genesis).contains("\"registration\" : \"registrar\"").contains(registrar);
        assertThat(CliRun.run("genesis", "validate", dir.resolve("net/genesis.json").toString()).exit()).isZero();

        CliRun open = CliRun.run("genesis", "new", "--validators", "1", "--out", dir.resolve("open").toString(),
                "--password-file", pw.toString(), "--light-kdf", "--registration", "open");
        assertThat(open.exit()).as(open.err()).isZero();
        assertThat(Files.readString(dir.resolve("open/genesis.json"))).contains("\"registration\" : \"open\"");

        assertOneError(CliRun.run("genesis", "new", "--validators", "1", "--out", dir.resolve("none").toString(),
                "--password-file", pw.toString(), "--registration", "registrar"), "needs at least one --registrar");
        assertOneError(CliRun.run("genesis", "new", "--validators", "1", "--out", dir.resolve("bad").toString(),
                "--password-file", pw.toString(), "--registration", "closed"), "--registration must be open or registrar");
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void anApplicantRegistersWithARegistrarsCountersignature() throws Exception {
        SigningKey registrarKey = SigningKey.random(new SecureRandom());
        GenesisDocument.IdentitySection section = new GenesisDocument.IdentitySection(
                new IdentityParams(IdentityParams.RegistrationMode.REGISTRAR, 1_000_000, 100_000, 100),
                List.of(new GenesisDocument.Registrar(registrarKey.address(), "grid registrar")));
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS, d -> {
            List<GenesisDocument.Balance> balances = new ArrayList<>(d.balances());
            balances.add(new GenesisDocument.Balance(registrarKey.address(), TestChain.FUNDS));
            return new GenesisDocument(d.chainId(), d.genesisTime(), d.validators(), balances, d.params(), section,
                    d.capacity());
        });
        try (RunningNode n = new RunningNode(chain, dir.resolve("node"), Duration.ofMillis(50))) {
            Files.writeString(dir.resolve("pw"), "pw\n");
            List<String> common = List.of("--password-file", dir.resolve("pw").toString(), "--node", n.base(),
                    "--keystore-dir", dir.resolve("keys").toString());
            String alice = keystore(chain.accounts.get(0), "alice").toString();
            String bob = keystore(chain.accounts.get(1), "bob").toString();
            String registrar = keystore(registrarKey, "registrar").toString();
            Path request = dir.resolve("alice-request.json");

            assertOneError(run(common, "identity", "register", "alice", "--keystore", alice, "--yes"),
                    "needs a registrar's countersignature");

            CliRun made = run(common, "identity", "request", "alice", "--display-name", "Alice", "--keystore", alice,
                    "--out", request.toString());
            assertThat(made.exit()).as(made.err()).isZero();
            assertThat(made.out()).contains("register 'alice' owned by " + chain.accounts.get(0).address() + " on chain 1337")
                    .contains("gridchain identity countersign");
            assertOneError(run(common, "identity", "register", "--request", request.toString(), "--keystore", alice, "--yes"),
                    "has no registrar's countersignature yet");

            assertOneError(run(common, "identity", "countersign", request.toString(), "--key", bob),
                    chain.accounts.get(1).address() + " is not a registrar of chain 1337; only registrars countersign");

            Path edited = dir.resolve("edited.json");
            Files.writeString(edited, Files.readString(request).replace("\"Alice\"", "\"Mallory\""));
            assertOneError(run(common, "identity", "countersign", edited.toString(), "--key", registrar),
                    "is not a valid request", "changed after the applicant signed it");

            Path otherChain = dir.resolve("other-chain.json");
            Files.writeString(otherChain, IdentityRequest.signedBy(chain.accounts.get(0), 7, "alice",
                    new Metadata("Alice", Bytes.of(new byte[0]), "", Bytes.of(new byte[0]))).toJson());
            assertOneError(run(common, "identity", "countersign", otherChain.toString(), "--key", registrar),
                    "the request is for chain 7 but the node at", "runs chain 1337");

            CliRun signed = run(common, "identity", "countersign", request.toString(), "--key", registrar);
            assertThat(signed.exit()).as(signed.err()).isZero();
            assertThat(signed.out()).contains("countersigned as registrar " + registrarKey.address());

            Path editedAfter = dir.resolve("edited-after.json");
            Files.writeString(editedAfter, Files.readString(request).replace("\"alice\"", "\"alicia\""));
            assertOneError(run(common, "identity", "register", "--request", editedAfter.toString(), "--keystore", alice, "--yes"),
                    "is not a valid request");
            assertOneError(run(common, "identity", "register", "--request", request.toString(), "--keystore", bob, "--yes"),
                    "the request is for owner " + chain.accounts.get(0).address());

            CliRun reg = run(common, "identity", "register", "--request", request.toString(), "--keystore", alice, "--yes");
            assertThat(reg.exit()).as(reg.err()).isZero();
            assertThat(reg.out()).contains("countersigned by registrar " + registrarKey.address()).contains("identity.registered");
            assertThat(run(common, "identity", "show", "alice").out()).contains("\"owner\" : \"" + chain.accounts.get(0).address())
                    .contains("\"displayName\" : \"Alice\"");

            assertOneError(run(common, "identity", "suspend", "alice", "--keystore", bob, "--yes"), "is not a registrar");
            CliRun suspended = run(common, "identity", "suspend", "alice", "--keystore", registrar, "--yes");
            assertThat(suspended.exit()).as(suspended.err()).isZero();
            assertThat(suspended.out()).contains("identity.suspended");
            assertThat(run(common, "identity", "show", "alice").out()).contains("\"status\" : \"suspended\"");
            CliRun restored = run(common, "identity", "restore", "alice", "--keystore", registrar, "--yes");
            assertThat(restored.exit()).as(restored.err()).isZero();
            assertThat(run(common, "identity", "show", "alice").out()).contains("\"status\" : \"active\"");
        }
    }
}
