package io.gridchain.wallet;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of keystore files, one key each, named as geth names them
 * ({@code UTC--<time>--<address>.json}) so the directory can be shared with other Ethereum tools.
 * Files from other wallets that do not declare their address are not listed, but load by path.
 */
public final class WalletStore {
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Keystore.Strength strength;
    private final Clock clock;
    private final SecureRandom random;

    /** A keystore file in the store and the address it declares. */
    public record Entry(Address address, Path file) {}

    public WalletStore(Path dir, Keystore.Strength strength, Clock clock, SecureRandom random) {
        this.dir = dir;
        this.strength = strength;
        this.clock = clock;
        this.random = random;
    }

    /** The store at {@code dir} with production-strength encryption. */
    public static WalletStore open(Path dir) {
        return new WalletStore(dir, Keystore.Strength.STANDARD, Clock.systemUTC(), new SecureRandom());
    }

    /** {@code ~/.gridchain/keystores}. */
    public static Path defaultDirectory() {
        return Path.of(System.getProperty("user.home"), ".gridchain", "keystores");
    }

    public Path directory() {
        return dir;
    }

    /** A fresh random key. */
    public Entry create(String password) {
        return add(SigningKey.random(random), password);
    }

    /** The key of account {@code index} (m/44'/60'/0'/0/index) of a mnemonic given as words. */
    public Entry importMnemonic(String words, int index, String password) {
        Mnemonic.Parsed parsed = Mnemonic.parse(words);
        if (parsed instanceof Mnemonic.Parsed.Invalid invalid) {
            throw new WalletException(invalid.reason());
        }
        return importMnemonic(((Mnemonic.Parsed.Valid) parsed).mnemonic(), index, password);
    }

    public Entry importMnemonic(Mnemonic mnemonic, int index, String password) {
        return add(mnemonic.deriveKey(index), password);
    }

    /** A raw private key as 64 hex digits, with or without {@code 0x}. The input is never echoed back. */
    public Entry importPrivateKey(String hex, String password) {
        SigningKey key;
        try {
            key = SigningKey.fromPrivateKey(Hex.decode(hex.strip()));
        } catch (IllegalArgumentException e) {
            throw new WalletException("not a private key: expected 64 hex digits for a secp256k1 key in range");
        }
        return add(key, password);
    }

    /** Encrypts and stores a key; refuses an empty password and a key already in the store. */
    public Entry add(SigningKey key, String password) {
        if (password.isEmpty()) {
            throw new WalletException("refusing an empty password for a new key");
        }
        Optional<Entry> existing = find(key.address());
        if (existing.isPresent()) {
            throw new WalletException(key.address() + " is already in the wallet: " + existing.get().file());
        }
        Path file = dir.resolve("UTC--" + FILE_TIME.format(clock.instant()) + "--"
                + Hex.encode(key.address().bytes()) + ".json");
        try {
            createDirectory();
            Keystore.write(file, key, password, strength);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return new Entry(key.address(), file);
    }

    /** Every keystore that declares its address, sorted by address. */
    public List<Entry> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                readQuietly(f).flatMap(Keystore::declaredAddress).ifPresent(a -> entries.add(new Entry(a, f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparing(Entry::address).thenComparing(Entry::file));
        return entries;
    }

    public Optional<Entry> find(Address address) {
        return list().stream().filter(e -> e.address().equals(address)).findFirst();
    }

    /**
     * Unlocks a key named by its address (looked up in the store) or by a keystore file path.
     *
     * @throws WalletException with a message for the user: unknown address, no such file, wrong password…
     */
    public SigningKey load(String addressOrFile, String password) {
        Path file = locate(addressOrFile);
        try {
            return Keystore.read(file, password).orElseThrow();
        } catch (NoSuchFileException e) {
            throw new WalletException("no such keystore file: " + file);
        } catch (IOException e) {
            throw new WalletException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private Path locate(String addressOrFile) {
        String arg = addressOrFile.strip();
        if (arg.startsWith("0x") && arg.length() == 42) {
            Address.Parsed parsed = Address.parse(arg);
            if (parsed instanceof Address.Parsed.Invalid invalid) {
                throw new WalletException(invalid.reason());
            }
            Address address = ((Address.Parsed.Valid) parsed).address();
            return find(address).map(Entry::file).orElseThrow(() ->
                    new WalletException("no key for " + address + " in " + dir));
        }
        Path path = Path.of(arg);
        if (!path.isAbsolute() && !Files.exists(path) && Files.exists(dir.resolve(path))) {
            return dir.resolve(path);
        }
        return path;
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static Optional<String> readQuietly(Path file) {
        try {
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
