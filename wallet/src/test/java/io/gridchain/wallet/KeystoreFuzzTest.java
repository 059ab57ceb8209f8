package io.gridchain.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.core.crypto.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A keystore file (Web3 Secret Storage v3) as `gridchain` reads it from disk: any bytes either unlock
 * to the key the file declares or are Refused with a reason and a message; neither decrypting nor
 * reading the declared address throws.
 *
 * <p>The KDF cost a file may ask for is bounded by design (scrypt n·r ≤ 2^22, pbkdf2 ≤ 10^7 rounds):
 * up to a few seconds per file. Files asking for more than a light cost but within that bound are only
 * checked for their declared address, or the fuzzer would spend its budget in scrypt.
 */
@Tag("fuzz")
class KeystoreFuzzTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<byte[]> seeds() {
        SigningKey key = SigningKey.random(new SecureRandom());
        String light = Keystore.encrypt(key, PASSWORD, Keystore.Strength.LIGHT);
        String pbkdf2 = light.replace("\"kdf\" : \"scrypt\"", "\"kdf\" : \"pbkdf2\"")
                .replace("\"n\" : 4096", "\"c\" : 1000, \"prf\" : \"hmac-sha256\"");
        return Stream.of(light, pbkdf2, "{\"version\": 3, \"crypto\": {}}").map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void unlocksTheDeclaredKeyOrRefusesWithAReason(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        var declared = Keystore.declaredAddress(json);
        if (!cheapOrRefusedBeforeDeriving(json)) {
            return;
        }
        Keystore.Opened opened = Keystore.decrypt(json, PASSWORD);
        if (opened instanceof Keystore.Opened.Refused refused) {
            assertThat(refused.reason()).isNotNull();
            assertThat(refused.message()).isNotBlank();
        } else {
            SigningKey key = ((Keystore.Opened.Unlocked) opened).key();
            declared.ifPresent(address -> assertThat(key.address()).isEqualTo(address));
        }
    }

    /** Derivation costs at most web3j's light scrypt (n·r ≤ 2^15) or 10^5 pbkdf2 rounds, or is refused as too costly. */
    private static boolean cheapOrRefusedBeforeDeriving(String json) {
        JsonNode params;
        try {
            params = MAPPER.readTree(json).path("crypto").path("kdfparams");
        } catch (Exception notJson) {
            return true;
        }
        long n = params.path("n").asLong(0), r = params.path("r").asLong(0), p = params.path("p").asLong(0);
        long c = params.path("c").asLong(0);
        boolean scryptCheap = n * r <= (1 << 15) && p <= 16 || n * r > (1L << 22) || p > 16 || n < 0 || r < 0;
        boolean pbkdf2Cheap = c <= 100_000 || c > 10_000_000;
        return scryptCheap && pbkdf2Cheap;
    }
}
