package io.gridchain.node.cli;

import static io.gridchain.node.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.wallet.Keystore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the command line is given bad input: a non-zero exit and one clear line. */
class CliErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aCorruptedGenesisFileIsOneClearLineAndANonZeroExit() throws Exception {
        Path genesis = Files.writeString(dir.resolve("genesis.json"), "{\"chainId\": 1337, \"validators\": [");
        CliRun r = run("genesis", "validate", genesis.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("error: ").contains("genesis.json is invalid").doesNotContain("Exception");

        Path key = dir.resolve("key.json");
        Keystore.write(key, SigningKey.random(new SecureRandom()), "right password", Keystore.Strength.LIGHT);
        Path password = Files.writeString(dir.resolve("pw"), "right password\n");
        CliRun node = run("node", "run", "--data-dir", dir.resolve("d").toString(), "--genesis", genesis.toString(),
                "--key", key.toString(), "--password-file", password.toString(), "--api-port", "0");
        assertThat(node.exit()).isEqualTo(1);
        assertThat(node.err().lines().count()).isEqualTo(1);
        assertThat(node.err()).startsWith("error: genesis file").contains("is invalid");
    }

    @Test
    void aWrongKeystorePasswordIsRefusedPlainly() throws Exception {
        Path out = dir.resolve("net");
        Path password = Files.writeString(dir.resolve("pw"), "the password\n");
        CliRun made = run("genesis", "new", "--validators", "1", "--out", out.toString(), "--password-file", password.toString(),
                "--light-kdf");
        assertThat(made.exit()).as(made.err()).isZero();
        assertThat(made.out()).contains("genesis.json").contains("validator 0");

        Path wrong = Files.writeString(dir.resolve("wrong"), "not the password\n");
        CliRun r = run("node", "run", "--data-dir", dir.resolve("d").toString(), "--genesis", out.resolve("genesis.json").toString(),
                "--key", out.resolve("validator-0.json").toString(), "--password-file", wrong.toString(), "--api-port", "0");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: " + Keystore.WRONG_PASSWORD);
        assertThat(dir.resolve("d").resolve("chain")).doesNotExist();
    }

    @Test
    void genesisValidatePrintsTheHashOfAGoodFile() throws Exception {
        Path out = dir.resolve("net");
        Path password = Files.writeString(dir.resolve("pw"), "the password\n");
        run("genesis", "new", "--validators", "2", "--out", out.toString(), "--password-file", password.toString(), "--light-kdf");
        CliRun r = run("genesis", "validate", out.resolve("genesis.json").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("ok: chain 1337, 2 validator(s), genesis hash 0x");
        CliRun again = run("genesis", "new", "--validators", "1", "--out", out.toString(), "--password-file", password.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("refusing to overwrite");
    }

    @Test
    void anApiPortInUseIsOneLineNamingThePortAndTheFlagAndLeavesNoDataDirectory() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path data = dir.resolve("dev");
            CliRun r = run("dev", "--data-dir", data.toString(), "--api-port", String.valueOf(busy.getLocalPort()), "--p2p-port", "0");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("error: API port " + busy.getLocalPort()
                    + " on 127.0.0.1 is already in use; choose another with --api-port");
            assertThat(data).as("a first start that failed leaves nothing behind").doesNotExist();
        }
    }

    @Test
    void aP2pPortInUseIsOneLineNamingThePortAndTheFlagAndLeavesNoDataDirectory() throws Exception {
        Path out = dir.resolve("net");
        Path password = Files.writeString(dir.resolve("pw"), "the password\n");
        run("genesis", "new", "--validators", "1", "--out", out.toString(), "--password-file", password.toString(), "--light-kdf");
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path data = dir.resolve("node");
            CliRun r = run("node", "run", "--data-dir", data.toString(), "--genesis", out.resolve("genesis.json").toString(),
                    "--key", out.resolve("validator-0.json").toString(), "--password-file", password.toString(),
                    "--api-port", "0", "--p2p-port", String.valueOf(busy.getLocalPort()));
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err().strip()).isEqualTo("error: p2p port " + busy.getLocalPort()
                    + " on 127.0.0.1 is already in use; choose another with --p2p-port");
            assertThat(data).as("a first start that failed leaves nothing behind").doesNotExist();

            CliRun dev = run("dev", "--data-dir", dir.resolve("dev").toString(), "--api-port", "0",
                    "--p2p-port", String.valueOf(busy.getLocalPort()));
            assertThat(dev.err().strip()).isEqualTo("error: p2p port " + busy.getLocalPort()
                    + " on 127.0.0.1 is already in use; choose another with --p2p-port");
            assertThat(dir.resolve("dev")).doesNotExist();
        }
    }

    @Test
    void anAddressWithoutChecksumIsAcceptedAndItsChecksummedFormPrintedBack() {
        for (String unchecked : new String[] {"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"}) {
            CliRun r = run("wallet", "balance", unchecked, "--node", "http://127.0.0.1:1");
            assertThat(r.err()).as("accepted, so the node is asked").doesNotContain("checksum (EIP-55) does not match")
                    .contains("its checksummed form is 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        }
    }

    @Test
    void badAddressesAndAmountsAreRefusedBeforeAnythingIsSent() {
        CliRun r = run("wallet", "balance", "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "--node", "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: " + Address.MISTYPED);
        CliRun typo = run("wallet", "send", "--from", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "--to", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAee", "--amount", "1", "--node", "http://127.0.0.1:1");
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err()).contains("mistyped").doesNotContainPattern("0x[0-9a-fA-F]{40}");
        CliRun d = run("dev", "--block-time", "soon");
        assertThat(d.exit()).isNotZero();
        assertThat(d.err()).contains("not a duration");
    }
}
