package io.gridchain.genesis;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.genesis.GenesisDocument.Balance;
import io.gridchain.genesis.GenesisDocument.Problem;
import io.gridchain.capacity.CapacityParams;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Makes genesis documents: a new network with fresh validator keys ({@code gridchain genesis new}), or
 * a one-validator development chain. Key files are written by the caller's {@link KeyWriter} (the
 * wallet's keystore code), so this module stays free of the wallet.
 */
public final class GenesisGenerator {
    public static final long DEFAULT_CHAIN_ID = 1337;
    public static final long DEFAULT_POWER = 10;
    /** 1 GRID, in units. */
    public static final long GRID = 1_000_000_000L;

    private GenesisGenerator() {}

    /** What a new network looks like; {@code balanceEach} funds every validator's account (0 = none). */
    public record NetworkSpec(long chainId, Instant genesisTime, int validators, long powerEach, long balanceEach,
                              List<Balance> extraBalances, ChainParams params) {
        public NetworkSpec {
            Objects.requireNonNull(genesisTime, "genesisTime");
            Objects.requireNonNull(params, "params");
            extraBalances = List.copyOf(extraBalances);
            if (validators < 1) {
                throw new IllegalArgumentException("a network needs at least one validator, got " + validators);
            }
        }

        /** Chain 1337, default params, power 10 each, 1,000,000 GRID to each validator. */
        public static NetworkSpec defaults(int validators, Instant genesisTime) {
            return new NetworkSpec(DEFAULT_CHAIN_ID, genesisTime, validators, DEFAULT_POWER, 1_000_000 * GRID,
                    List.of(), ChainParams.DEFAULTS);
        }
    }

    /** A document and the secret keys of its validators, in document order. */
    public record Generated(GenesisDocument document, List<SigningKey> validatorKeys) {
        public Generated {
            validatorKeys = List.copyOf(validatorKeys);
        }

        /**
         * Writes {@code dir/genesis.json} and {@code dir/validator-<i>.json} (i from 0, matching
         * {@code validators[i]}). Refuses to overwrite anything: an existing key file may be the only
         * copy of a validator's key.
         */
        public void writeTo(Path dir, KeyWriter keys) throws IOException {
            Files.createDirectories(dir);
            List<Path> targets = new ArrayList<>();
            targets.add(dir.resolve("genesis.json"));
            for (int i = 0; i < validatorKeys.size(); i++) {
                targets.add(validatorFile(dir, i));
            }
            for (Path p : targets) {
                if (Files.exists(p)) {
                    throw new FileAlreadyExistsException(p.toString(), null, "refusing to overwrite");
                }
            }
            for (int i = 0; i < validatorKeys.size(); i++) {
                keys.write(validatorFile(dir, i), validatorKeys.get(i));
            }
            document.write(dir.resolve("genesis.json"));
        }

        /** The same keys with another identity section (registration mode and registrars). */
        public Generated withIdentity(GenesisDocument.IdentitySection identity) {
            return new Generated(requireValid(document.withIdentity(identity)), validatorKeys);
        }

        public static Path validatorFile(Path dir, int index) {
            return dir.resolve("validator-" + index + ".json");
        }
    }

    /** Writes one secret key to a file, encrypted; the wallet's keystore provides it. */
    @FunctionalInterface
    public interface KeyWriter {
        void write(Path file, SigningKey key) throws IOException;
    }

    public static Generated network(NetworkSpec spec, SecureRandom random) {
        List<SigningKey> keys = new ArrayList<>();
        List<Validator> validators = new ArrayList<>();
        List<Balance> balances = new ArrayList<>();
        for (int i = 0; i < spec.validators(); i++) {
            SigningKey key = SigningKey.random(random);
            keys.add(key);
            validators.add(new Validator(key.address(), key.compressedPublicKey(), spec.powerEach()));
            if (spec.balanceEach() > 0) {
                balances.add(new Balance(key.address(), spec.balanceEach()));
            }
        }
        balances.addAll(spec.extraBalances());
        GenesisDocument doc = new GenesisDocument(spec.chainId(), spec.genesisTime(), validators, balances,
                spec.params());
        return new Generated(requireValid(doc), keys);
    }

    /**
     * A development chain: one validator (whose key the caller keeps, e.g. derived from the dev
     * mnemonic so every run makes the same chain) and one funded account.
     */
    public static GenesisDocument dev(long chainId, Instant genesisTime, SigningKey validator, Address devAccount,
                                      long devBalance) {
        List<Balance> balances = new ArrayList<>();
        balances.add(new Balance(devAccount, devBalance));
        if (!validator.address().equals(devAccount)) {
            balances.add(new Balance(validator.address(), 1_000 * GRID));
        }
        GenesisDocument doc = new GenesisDocument(chainId, genesisTime,
                List.of(new Validator(validator.address(), validator.compressedPublicKey(), DEFAULT_POWER)),
                balances, ChainParams.DEFAULTS, GenesisDocument.IdentitySection.DEV, CapacityParams.DEFAULTS);
        return requireValid(doc);
    }

    private static GenesisDocument requireValid(GenesisDocument doc) {
        List<Problem> problems = doc.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.stream().map(Problem::toString)
                    .collect(Collectors.joining("; ")));
        }
        return doc;
    }
}
