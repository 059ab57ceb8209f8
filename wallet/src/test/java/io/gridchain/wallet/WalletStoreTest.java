package io.gridchain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalletStoreTest {
    static final Address HARDHAT_1 = Address.require("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    @TempDir
    Path home;

    WalletStore store() {
        return new WalletStore(home.resolve("keystores"), Keystore.Strength.LIGHT,
                Clock.fixed(Instant.parse("2026-11-22T04:00:00Z"), ZoneOffset.UTC), new SecureRandom());
    }

    @Test
    void createsListsAndLoadsKeysByAddressOrFile() throws Exception {
        WalletStore store = store();

        WalletStore.Entry created = store.create("pw");

        assertThat(created.file().getFileName().toString())
                .isEqualTo("UTC--2026-11-22T04-00-00.000000000Z--" + Hex.encode(created.address().bytes()) + ".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.directory()))).isEqualTo("rwx------");
        assertThat(store.list()).containsExactly(created);
        assertThat(store.load(created.address().toString(), "pw").address()).isEqualTo(created.address());
        assertThat(store.load(created.file().toString(), "pw").address()).isEqualTo(created.address());
        assertThat(store.load(created.file().getFileName().toString(), "pw").address()).isEqualTo(created.address());
    }

    @Test
    void importsFromAMnemonicAndFromAPrivateKeyButNotTwice() {
        WalletStore store = store();

        WalletStore.Entry fromWords = store.importMnemonic(Mnemonic.DEV_PHRASE, 1, "pw");
        SigningKey other = SigningKey.random(new SecureRandom());
        WalletStore.Entry fromHex = store.importPrivateKey(Hex.encodePrefixed(other.privateKeyBytes()), "pw");

        assertThat(fromWords.address()).isEqualTo(HARDHAT_1);
        assertThat(fromHex.address()).isEqualTo(other.address());
        assertThat(store.list()).hasSize(2);
        assertThatThrownBy(() -> store.importMnemonic(Mnemonic.DEV_PHRASE, 1, "pw"))
                .isInstanceOf(WalletException.class).hasMessageContaining("already in the wallet");
    }

    @Test
    void refusalsAreClearMessages() {
        WalletStore store = store();
        WalletStore.Entry e = store.create("pw");

        assertThatThrownBy(() -> store.load(e.address().toString(), "nope")).isInstanceOf(WalletException.class)
                .hasMessage("wrong password or corrupt keystore");
        assertThatThrownBy(() -> store.load(HARDHAT_1.toString(), "pw"))
                .hasMessage("no key for " + HARDHAT_1 + " in " + store.directory());
        assertThatThrownBy(() -> store.load(home.resolve("missing.json").toString(), "pw"))
                .hasMessageStartingWith("no such keystore file: ");
        assertThatThrownBy(() -> store.create("")).hasMessage("refusing an empty password for a new key");
        assertThatThrownBy(() -> store.importPrivateKey("0x1234", "pw"))
                .hasMessage("not a private key: expected 64 hex digits for a secp256k1 key in range");
        assertThatThrownBy(() -> store.importMnemonic("test test junk", 0, "pw"))
                .hasMessage("a mnemonic has 12, 15, 18, 21 or 24 words, this one has 3");
    }

    @Test
    void skipsFilesThatAreNotKeystores() throws Exception {
        WalletStore store = store();
        WalletStore.Entry e = store.create("pw");
        Files.writeString(store.directory().resolve("notes.txt"), "not json");

        assertThat(store.list()).containsExactly(e);
        assertThat(new WalletStore(home.resolve("nowhere"), Keystore.Strength.LIGHT, Clock.systemUTC(),
                new SecureRandom()).list()).isEmpty();
    }
}
