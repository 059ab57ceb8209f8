package io.gridchain.wallet;

import io.gridchain.core.crypto.SigningKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.MnemonicUtils;
import org.web3j.utils.Numeric;

/**
 * A BIP-39 English mnemonic and the BIP-44 Ethereum accounts it derives, m/44'/60'/0'/0/i, so the
 * same words give the same addresses in MetaMask, Hardhat or Foundry. The words are a secret:
 * {@link #toString} never prints them.
 */
public final class Mnemonic {
    /** The Hardhat/Anvil development phrase: public, for dev chains and tests only. */
    public static final String DEV_PHRASE = "test test test test test test test test test test test junk";

    private static final Set<String> WORDS = new HashSet<>(MnemonicUtils.getWords());
    private static final Set<Integer> LENGTHS = Set.of(12, 15, 18, 21, 24);
    private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;

    private final List<String> words;

    private Mnemonic(List<String> words) {
        this.words = List.copyOf(words);
    }

    public sealed interface Parsed {
        record Valid(Mnemonic mnemonic) implements Parsed {}

        record Invalid(String reason) implements Parsed {}
    }

    /** A fresh mnemonic of 12 (128-bit) or 24 (256-bit) words. */
    public static Mnemonic generate(int wordCount, SecureRandom random) {
        if (wordCount != 12 && wordCount != 24) {
            throw new IllegalArgumentException("a new mnemonic has 12 or 24 words, not " + wordCount);
        }
        byte[] entropy = new byte[wordCount == 12 ? 16 : 32];
        random.nextBytes(entropy);
        try {
            return new Mnemonic(Arrays.asList(MnemonicUtils.generateMnemonic(entropy).split(" ")));
        } finally {
            Arrays.fill(entropy, (byte) 0);
        }
    }

    /** Accepts any whitespace between words and any letter case; the reason names what is wrong. */
    public static Parsed parse(String phrase) {
        String[] split = phrase.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<String> words = phrase.isBlank() ? List.of() : Arrays.asList(split);
        if (!LENGTHS.contains(words.size())) {
            return new Parsed.Invalid("a mnemonic has 12, 15, 18, 21 or 24 words, this one has " + words.size());
        }
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (!WORDS.contains(words.get(i))) {
                unknown.add("word " + (i + 1) + " \"" + words.get(i) + "\"");
            }
        }
        if (!unknown.isEmpty()) {
            return new Parsed.Invalid(String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
                    + " not in the BIP-39 English word list");
        }
        boolean checksumOk;
        try {
            checksumOk = MnemonicUtils.validateMnemonic(String.join(" ", words));
        } catch (RuntimeException e) {
            checksumOk = false;
        }
        if (!checksumOk) {
            return new Parsed.Invalid("the mnemonic checksum does not match: a word is wrong or out of order");
        }
        return new Parsed.Valid(new Mnemonic(words));
    }

    /** For trusted input such as {@link #DEV_PHRASE}; throws with the reason otherwise. */
    public static Mnemonic require(String phrase) {
        Parsed parsed = parse(phrase);
        if (parsed instanceof Parsed.Invalid invalid) {
            throw new IllegalArgumentException(invalid.reason());
        }
        return ((Parsed.Valid) parsed).mnemonic();
    }

    public String phrase() {
        return String.join(" ", words);
    }

    public List<String> words() {
        return words;
    }

    /** The key of account {@code index}, path m/44'/60'/0'/0/index, with no BIP-39 passphrase. */
    public SigningKey deriveKey(int index) {
        return deriveKeys(index, 1, "").get(0);
    }

    /** Keys of accounts {@code from .. from+count-1}; the seed is computed once (2048 PBKDF2 rounds). */
    public List<SigningKey> deriveKeys(int from, int count, String passphrase) {
        if (from < 0 || count < 0 || (long) from + count > (1L << 31)) {
            throw new IllegalArgumentException("account indexes are 0 to 2^31-1");
        }
        byte[] seed = MnemonicUtils.generateSeed(phrase(), passphrase);
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed);
        Arrays.fill(seed, (byte) 0);
        Bip32ECKeyPair account = Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | HARDENED, 60 | HARDENED, HARDENED, 0});
        List<SigningKey> keys = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            Bip32ECKeyPair child = Bip32ECKeyPair.deriveKeyPair(account, new int[] {i});
            keys.add(SigningKey.fromPrivateKey(Numeric.toBytesPadded(child.getPrivateKey(), 32)));
        }
        return keys;
    }

    public static String path(int index) {
        return "m/44'/60'/0'/0/" + index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mnemonic m && words.equals(m.words);
    }

    @Override
    public int hashCode() {
        return words.hashCode();
    }

    @Override
    public String toString() {
        return "Mnemonic(" + words.size() + " words)";
    }
}
