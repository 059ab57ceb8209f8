package io.gridchain.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.genesis.GenesisGenerator.Generated;
import io.gridchain.genesis.GenesisGenerator.NetworkSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisGeneratorTest {
    private static final Instant TIME = Instant.parse("2026-11-22T00:00:00Z");
    /** Writes the bare private key; the real writer is the wallet's encrypted keystore. */
    private static final GenesisGenerator.KeyWriter PLAIN = (file, key) ->
            Files.writeString(file, Hex.encode(key.privateKeyBytes()), StandardCharsets.US_ASCII);

    @Test
    void makesAValidNetworkWhoseValidatorsHoldTheKeys() {
        Generated g = GenesisGenerator.network(NetworkSpec.defaults(4, TIME), new SecureRandom());

        assertThat(g.document().validate()).isEmpty();
        assertThat(g.validatorKeys()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            SigningKey key = g.validatorKeys().get(i);
            assertThat(g.document().validators().get(i).address()).isEqualTo(key.address());
            assertThat(g.document().validators().get(i).publicKey()).isEqualTo(key.compressedPublicKey());
        }
        assertThat(g.document().balances()).hasSize(4);
        assertThat(GenesisState.build(g.document()).validatorSet().totalPower()).isEqualTo(40);
    }

    @Test
    void writesTheDocumentAndOneKeyFilePerValidatorAndNeverOverwrites(@TempDir Path dir) throws Exception {
        Generated g = GenesisGenerator.network(NetworkSpec.defaults(3, TIME), new SecureRandom());
        Path out = dir.resolve("net");

        g.writeTo(out, PLAIN);

        assertThat(GenesisDocument.read(out.resolve("genesis.json")))
                .isEqualTo(new GenesisDocument.Parsed.Valid(g.document()));
        for (int i = 0; i < 3; i++) {
            String secret = Files.readString(Generated.validatorFile(out, i));
            assertThat(SigningKey.fromPrivateKey(Hex.decode(secret)).address())
                    .isEqualTo(g.document().validators().get(i).address());
        }
        assertThatThrownBy(() -> g.writeTo(out, PLAIN)).isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void devChainHasOneValidatorAndAFundedAccount() {
        SigningKey validator = GenesisFixtures.V0;
        SigningKey dev = GenesisFixtures.ALICE;

        GenesisDocument doc = GenesisGenerator.dev(1337, TIME, validator, dev.address(), 10_000 * GenesisGenerator.GRID);

        assertThat(doc.validators()).singleElement().satisfies(v -> assertThat(v.address()).isEqualTo(validator.address()));
        assertThat(doc.balances().get(0)).isEqualTo(new GenesisDocument.Balance(dev.address(), 10_000_000_000_000L));
        assertThat(GenesisState.build(doc).hash())
                .isEqualTo(GenesisState.build(GenesisGenerator.dev(1337, TIME, validator, dev.address(),
                        10_000 * GenesisGenerator.GRID)).hash());
    }
}
