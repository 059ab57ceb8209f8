package io.gridchain.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.wallet.Keystore.Opened;
import io.gridchain.wallet.Keystore.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/** The cryptography of a v3 keystore, and the checks that keep a hostile file from costing us much. */
final class KeystoreCrypto {
    /** Scrypt memory is 128·n·r bytes; past 512 MiB a file is an attack on our memory, not a wallet. */
    private static final long MAX_SCRYPT_N_TIMES_R = (1L << 18) * 8 * 2;
    private static final long MAX_SCRYPT_P = 16;
    private static final long MAX_PBKDF2_ITERATIONS = 10_000_000;

    private KeystoreCrypto() {}

    sealed interface Kdf {
        byte[] derive(String password);
    }

    record ScryptParams(int n, int r, int p, int dklen, byte[] salt) implements Kdf {
        @Override
        public byte[] derive(String password) {
            return Scrypt.derive(password.getBytes(StandardCharsets.UTF_8), salt, n, r, p, dklen);
        }
    }

    record Pbkdf2Params(int c, int dklen, byte[] salt) implements Kdf {
        @Override
        public byte[] derive(String password) {
            PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
            gen.init(password.getBytes(StandardCharsets.UTF_8), salt, c);
            return ((KeyParameter) gen.generateDerivedParameters(dklen * 8)).getKey();
        }
    }

    /** AES-128-CTR with the first 16 bytes of the derived key; the same call encrypts and decrypts. */
    static byte[] aes128Ctr(byte[] derived, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(derived, 0, 16, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CTR is part of every Java runtime", e);
        }
    }

    /** keccak256(derivedKey[16..32] ‖ ciphertext). */
    static byte[] mac(byte[] derived, byte[] ciphertext) {
        byte[] body = new byte[16 + ciphertext.length];
        System.arraycopy(derived, 16, body, 0, 16);
        System.arraycopy(ciphertext, 0, body, 16, ciphertext.length);
        return Keccak.digest(body);
    }

    static Opened open(JsonNode root, String password) {
        try {
            return openChecked(root, password);
        } catch (BadFile e) {
            return new Opened.Refused(e.reason, e.getMessage());
        }
    }

    private static Opened openChecked(JsonNode root, String password) throws BadFile {
        if (!root.isObject()) {
            throw malformed("keystore is not a JSON object");
        }
        if (root.path("version").asInt(-1) != 3) {
            throw new BadFile(Reason.UNSUPPORTED, "keystore version is not 3 (Web3 Secret Storage v3)");
        }
        // Geth writes "crypto"; some older wallets wrote "Crypto".
        JsonNode crypto = root.has("crypto") ? root.get("crypto") : root.path("Crypto");
        if (!crypto.isObject()) {
            throw malformed("keystore has no crypto section");
        }
        String cipher = text(crypto, "cipher");
        if (!cipher.equals("aes-128-ctr")) {
            throw new BadFile(Reason.UNSUPPORTED, "keystore cipher " + cipher + " is not supported (only aes-128-ctr)");
        }
        byte[] iv = hex(crypto.path("cipherparams"), "iv");
        byte[] ciphertext = hex(crypto, "ciphertext");
        byte[] mac = hex(crypto, "mac");
        if (iv.length != 16 || ciphertext.length != 32 || mac.length != 32) {
            throw malformed("keystore iv, ciphertext or mac has the wrong length");
        }
        Kdf kdf = kdf(text(crypto, "kdf"), crypto.path("kdfparams"));
        byte[] derived = kdf.derive(password);
        if (!MessageDigest.isEqual(mac(derived, ciphertext), mac)) {
            throw new BadFile(Reason.WRONG_PASSWORD_OR_CORRUPT, Keystore.WRONG_PASSWORD);
        }
        byte[] secret = aes128Ctr(derived, iv, ciphertext);
        SigningKey key;
        try {
            key = SigningKey.fromPrivateKey(secret);
        } catch (IllegalArgumentException e) {
            throw malformed("keystore holds a value that is not a secp256k1 private key");
        } finally {
            Arrays.fill(secret, (byte) 0);
            Arrays.fill(derived, (byte) 0);
        }
        Optional<Address> declared = Keystore.declaredAddress(root.toString());
        if (declared.isPresent() && !declared.get().equals(key.address())) {
            throw malformed("keystore address " + declared.get() + " does not match its key");
        }
        return new Opened.Unlocked(key);
    }

    private static Kdf kdf(String name, JsonNode params) throws BadFile {
        int dklen = integer(params, "dklen");
        if (dklen < 32 || dklen > 64) {
            throw malformed("keystore kdfparams.dklen must be between 32 and 64");
        }
        byte[] salt = hex(params, "salt");
        if (name.equals("scrypt")) {
            int n = integer(params, "n");
            int r = integer(params, "r");
            int p = integer(params, "p");
            if (n < 2 || Integer.bitCount(n) != 1 || r < 1 || p < 1) {
                throw malformed("keystore scrypt parameters are invalid");
            }
            if ((long) n * r > MAX_SCRYPT_N_TIMES_R || p > MAX_SCRYPT_P) {
                throw new BadFile(Reason.UNSUPPORTED, "keystore scrypt cost is beyond what we accept (n·r ≤ 2^22, p ≤ 16)");
            }
            return new ScryptParams(n, r, p, dklen, salt);
        }
        if (name.equals("pbkdf2")) {
            if (!params.path("prf").asText("").equals("hmac-sha256")) {
                throw new BadFile(Reason.UNSUPPORTED, "keystore pbkdf2 prf must be hmac-sha256");
            }
            int c = integer(params, "c");
            if (c < 1 || c > MAX_PBKDF2_ITERATIONS) {
                throw new BadFile(Reason.UNSUPPORTED, "keystore pbkdf2 iteration count is out of range");
            }
            return new Pbkdf2Params(c, dklen, salt);
        }
        throw new BadFile(Reason.UNSUPPORTED, "keystore kdf " + name + " is not supported (scrypt or pbkdf2)");
    }

    private static String text(JsonNode node, String field) throws BadFile {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw malformed("keystore field " + field + " is missing or not a string");
        }
        return v.asText();
    }

    private static byte[] hex(JsonNode node, String field) throws BadFile {
        try {
            return Hex.decode(text(node, field));
        } catch (IllegalArgumentException e) {
            throw malformed("keystore field " + field + " is not hex");
        }
    }

    private static int integer(JsonNode node, String field) throws BadFile {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw malformed("keystore field " + field + " is missing or not an integer");
        }
        return v.intValue();
    }

    private static BadFile malformed(String message) {
        return new BadFile(Reason.MALFORMED, message);
    }

    /** Internal control flow only; surfaces as {@link Opened.Refused}. */
    private static final class BadFile extends Exception {
        final Reason reason;

        BadFile(Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
