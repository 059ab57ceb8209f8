package io.gridchain.wallet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.UUID;

/**
 * Web3 Secret Storage v3 keystores: the JSON files geth, web3j, ethers and MetaMask write (scrypt or
 * PBKDF2-HMAC-SHA256, AES-128-CTR, keccak MAC). We write the same layout as web3j's
 * {@code Wallet.createStandard}/{@code createLight}; the web3j 4.13 {@code crypto} artifact no longer
 * carries those classes, so the format is implemented here on Bouncy Castle.
 */
public final class Keystore {
    /** The only message a user sees when the MAC does not match: we cannot tell which of the two it is. */
    public static final String WRONG_PASSWORD = "wrong password or corrupt keystore";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private Keystore() {}

    /** Scrypt cost. STANDARD is web3j's and geth's default (n = 2^18, about 256 MiB and a second). */
    public enum Strength {
        STANDARD(1 << 18, 8, 1),
        /** web3j's "light" parameters, for development chains and tests only. */
        LIGHT(1 << 12, 8, 6);

        final int n;
        final int r;
        final int p;

        Strength(int n, int r, int p) {
            this.n = n;
            this.r = r;
            this.p = p;
        }
    }

    /** Decrypting either gives the key or says why not; never an exception for a bad file or password. */
    public sealed interface Opened {
        record Unlocked(SigningKey key) implements Opened {}

        record Refused(Reason reason, String message) implements Opened {}

        /** The key, or a {@link KeystoreException} carrying the user-facing message. */
        default SigningKey orElseThrow() {
            if (this instanceof Refused refused) {
                throw new KeystoreException(refused.message());
            }
            return ((Unlocked) this).key();
        }
    }

    public enum Reason { WRONG_PASSWORD_OR_CORRUPT, MALFORMED, UNSUPPORTED }

    public static String encrypt(SigningKey key, String password, Strength strength) {
        return encrypt(key, password, strength, new SecureRandom());
    }

    public static String encrypt(SigningKey key, String password, Strength strength, SecureRandom random) {
        byte[] salt = new byte[32];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        KeystoreCrypto.Kdf kdf = new KeystoreCrypto.ScryptParams(strength.n, strength.r, strength.p, 32, salt);
        byte[] derived = kdf.derive(password);
        byte[] ciphertext = KeystoreCrypto.aes128Ctr(derived, iv, key.privateKeyBytes());
        byte[] mac = KeystoreCrypto.mac(derived, ciphertext);

        ObjectNode root = MAPPER.createObjectNode();
        root.put("address", Hex.encode(key.address().bytes()));
        root.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        root.put("version", 3);
        ObjectNode crypto = root.putObject("crypto");
        crypto.put("cipher", "aes-128-ctr");
        crypto.put("ciphertext", Hex.encode(ciphertext));
        crypto.putObject("cipherparams").put("iv", Hex.encode(iv));
        crypto.put("kdf", "scrypt");
        crypto.putObject("kdfparams").put("dklen", 32).put("n", strength.n).put("p", strength.p)
                .put("r", strength.r).put("salt", Hex.encode(salt));
        crypto.put("mac", Hex.encode(mac));
        return root.toPrettyString() + "\n";
    }

    public static Opened decrypt(String json, String password) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            return new Opened.Refused(Reason.MALFORMED, "keystore is not valid JSON" + where);
        }
        return KeystoreCrypto.open(root, password);
    }

    /** Reads and decrypts a file; only failing to read it is an exception. */
    public static Opened read(Path file, String password) throws IOException {
        return decrypt(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), password);
    }

    /** Writes a new keystore file readable only by its owner; refuses to replace an existing file. */
    public static void write(Path file, SigningKey key, String password, Strength strength) throws IOException {
        String json = encrypt(key, password, strength);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.writeString(file, json, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
    }

    /** The address a keystore declares, without decrypting it; empty if it declares none or is unreadable. */
    public static Optional<Address> declaredAddress(String json) {
        try {
            JsonNode address = MAPPER.readTree(json).path("address");
            if (!address.isTextual()) {
                return Optional.empty();
            }
            String text = address.asText();
            return Address.parse(text.startsWith("0x") ? text.toLowerCase() : "0x" + text.toLowerCase()).toOptional();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A user-facing refusal: the CLI prints the message; there is no cause to show. */
    public static final class KeystoreException extends WalletException {
        public KeystoreException(String message) {
            super(message);
        }
    }
}
