package io.gridchain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.wallet.Keystore.Opened;
import io.gridchain.wallet.Keystore.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {
    /** The Web3 Secret Storage definition's test vectors: password "testpassword", same secret key. */
    static final String VECTOR_SECRET = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    static final String PBKDF2_VECTOR = """
            {
                "crypto" : {
                    "cipher" : "aes-128-ctr",
                    "cipherparams" : { "iv" : "6087dab2f9fdbbfaddc31a909735c1e6" },
                    "ciphertext" : "5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
                    "kdf" : "pbkdf2",
                    "kdfparams" : {
                        "c" : 262144,
                        "dklen" : 32,
                        "prf" : "hmac-sha256",
                        "salt" : "ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"
                    },
                    "mac" : "517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"
                },
                "id" : "3198bc9c-6672-5ab3-d995-4942343ae5b6",
                "version" : 3
            }
            """;
    static final String SCRYPT_VECTOR = """
            {
                "crypto" : {
                    "cipher" : "aes-128-ctr",
                    "cipherparams" : { "iv" : "83dbcc02d8ccb40e466191a123791e0e" },
                    "ciphertext" : "d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
                    "kdf" : "scrypt",
                    "kdfparams" : {
                        "dklen" : 32,
                        "n" : 262144,
                        "r" : 1,
                        "p" : 8,
                        "salt" : "ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"
                    },
                    "mac" : "2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"
                },
                "id" : "3198bc9c-6672-5ab3-d995-4942343ae5b6",
                "version" : 3
            }
            """;

    @Test
    void readsThePbkdf2TestVector() {
        SigningKey key = Keystore.decrypt(PBKDF2_VECTOR, "testpassword").orElseThrow();

        assertThat(Hex.encode(key.privateKeyBytes())).isEqualTo(VECTOR_SECRET);
    }

    @Test
    void readsTheScryptTestVector() {
        SigningKey key = Keystore.decrypt(SCRYPT_VECTOR, "testpassword").orElseThrow();

        assertThat(Hex.encode(key.privateKeyBytes())).isEqualTo(VECTOR_SECRET);
        assertThat(key.address()).isEqualTo(Address.require("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b"));
    }

    @Test
    void readsTheOlderCapitalisedCryptoKeyAndAPrefixedAddress() {
        String older = PBKDF2_VECTOR.replace("\"crypto\"", "\"Crypto\"")
                .replace("\"version\" : 3", "\"address\" : \"0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b\", \"version\" : 3");

        assertThat(Hex.encode(Keystore.decrypt(older, "testpassword").orElseThrow().privateKeyBytes()))
                .isEqualTo(VECTOR_SECRET);
        assertThat(Keystore.declaredAddress(older)).contains(Address.require("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b"));
    }

    @Test
    void aWrongPasswordIsAValueWithTheAgreedMessage() {
        Opened opened = Keystore.decrypt(PBKDF2_VECTOR.replace("262144", "1024"), "testpassword");

        assertThat(opened).isEqualTo(new Opened.Refused(Reason.WRONG_PASSWORD_OR_CORRUPT,
                "wrong password or corrupt keystore"));
        assertThatThrownBy(opened::orElseThrow).isInstanceOf(Keystore.KeystoreException.class)
                .hasMessage("wrong password or corrupt keystore").hasNoCause();
        assertThat(new Keystore.KeystoreException("x").getStackTrace()).isEmpty();
    }

    @Test
    void encryptsAsWeb3jDoesAndDecryptsItsOwnFiles() throws Exception {
        SigningKey key = SigningKey.random(new SecureRandom());
        String json = Keystore.encrypt(key, "correct horse", Keystore.Strength.LIGHT);

        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertThat(tree.get("version").asInt()).isEqualTo(3);
        assertThat(tree.get("address").asText()).isEqualTo(Hex.encode(key.address().bytes()));
        assertThat(tree.at("/crypto/kdf").asText()).isEqualTo("scrypt");
        assertThat(tree.at("/crypto/kdfparams/n").asInt()).isEqualTo(4096);
        assertThat(json).doesNotContain(Hex.encode(key.privateKeyBytes()));
        assertThat(Keystore.decrypt(json, "correct horse").orElseThrow().address()).isEqualTo(key.address());
        assertThat(Keystore.decrypt(json, "correct horse!")).isInstanceOf(Opened.Refused.class);
        assertThat(Keystore.declaredAddress(json)).contains(key.address());
    }

    @Test
    void aCorruptedFileIsAClearRefusal(@TempDir Path dir) throws Exception {
        String json = Keystore.encrypt(SigningKey.random(new SecureRandom()), "pw", Keystore.Strength.LIGHT);

        assertThat(Keystore.decrypt(json.substring(0, json.length() / 2), "pw"))
                .isInstanceOfSatisfying(Opened.Refused.class, r -> {
                    assertThat(r.reason()).isEqualTo(Reason.MALFORMED);
                    assertThat(r.message()).startsWith("keystore is not valid JSON (line ");
                });
        assertThat(Keystore.decrypt("{\"version\": 3}", "pw"))
                .isEqualTo(new Opened.Refused(Reason.MALFORMED, "keystore has no crypto section"));
        assertThat(Keystore.decrypt(json.replace("\"version\" : 3", "\"version\" : 1"), "pw"))
                .isInstanceOfSatisfying(Opened.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.UNSUPPORTED));
        assertThat(Keystore.decrypt(json.replace("\"n\" : 4096", "\"n\" : 1073741824"), "pw"))
                .isInstanceOfSatisfying(Opened.Refused.class, r -> assertThat(r.reason()).isEqualTo(Reason.UNSUPPORTED));
        String otherAddress = json.replaceFirst("\"address\" : \"[0-9a-f]{40}\"", "\"address\" : \"" + "11".repeat(20) + "\"");
        assertThat(Keystore.decrypt(otherAddress, "pw")).isInstanceOfSatisfying(Opened.Refused.class,
                r -> assertThat(r.message()).contains("does not match its key"));
        Path file = dir.resolve("k.json");
        Files.write(file, new byte[] {0, 1, 2, (byte) 0xff});
        assertThat(Keystore.read(file, "pw")).isInstanceOf(Opened.Refused.class);
    }

    @Test
    void writesAFileOnlyItsOwnerCanReadAndNeverOverwrites(@TempDir Path dir) throws Exception {
        SigningKey key = SigningKey.random(new SecureRandom());
        Path file = dir.resolve("key.json");

        Keystore.write(file, key, "pw", Keystore.Strength.LIGHT);

        assertThat(Keystore.read(file, "pw").orElseThrow().address()).isEqualTo(key.address());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> Keystore.write(file, key, "pw", Keystore.Strength.LIGHT))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
    }
}
