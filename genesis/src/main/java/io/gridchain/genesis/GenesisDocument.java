package io.gridchain.genesis;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.capacity.CapacityParams;
import io.gridchain.identity.IdentityParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The genesis document: what a network starts from. Read with {@link #parse}, which never throws on
 * bad input but lists every problem it can name; a document built in code is checked with
 * {@link #validate}. The JSON shape is:
 *
 * <pre>{@code
 * {"chainId": 1337, "genesisTime": "2026-11-22T00:00:00Z",
 *  "validators": [{"address": "0x…", "publicKey": "0x…33 bytes…", "power": 10}],
 *  "balances": [{"address": "0x…", "amount": "1000000000000"}],
 *  "params": {"targetBlockTimeMillis": 1000, "maxBlockBytes": 4194304, "maxTransactionBytes": 65536, "minFee": 1000},
 *  "identity": {"registration": "registrar", "registrationFee": "1000000", "updateFee": "100000",
 *               "rotationDelayBlocks": 100, "registrars": [{"address": "0x…", "label": "grid registrar"}]},
 *  "capacity": {"minPrices": {"cru": "0", "mru": "0", "sru": "0", "hru": "0"},
 *               "maxPrices": {"cru": "1000000000000", …}, "gracePeriodSeconds": 86400,
 *               "minPrepaidSeconds": 3600, "governance": "0x…"}}
 * }</pre>
 *
 * {@code identity} and {@code capacity} are optional; absent, they take {@link IdentitySection#PRODUCTION}
 * and {@link CapacityParams#DEFAULTS}. The writer always writes both, so a written document says what it means.
 */
public record GenesisDocument(long chainId, Instant genesisTime, List<Validator> validators, List<Balance> balances,
                              ChainParams params, IdentitySection identity, CapacityParams capacity) {
    public GenesisDocument {
        Objects.requireNonNull(genesisTime, "genesisTime");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(capacity, "capacity");
        validators = List.copyOf(validators);
        balances = List.copyOf(balances);
    }

    /** A document with the production defaults of the identity and capacity ledgers. */
    public GenesisDocument(long chainId, Instant genesisTime, List<Validator> validators, List<Balance> balances,
                           ChainParams params) {
        this(chainId, genesisTime, validators, balances, params, IdentitySection.PRODUCTION, CapacityParams.DEFAULTS);
    }

    public GenesisDocument withIdentity(IdentitySection section) {
        return new GenesisDocument(chainId, genesisTime, validators, balances, params, section, capacity);
    }

    public GenesisDocument withCapacity(CapacityParams section) {
        return new GenesisDocument(chainId, genesisTime, validators, balances, params, identity, section);
    }

    /**
     * The identity ledger at genesis: its parameters and the registrars that may countersign
     * registrations and suspend or restore identities.
     */
    public record IdentitySection(IdentityParams params, List<Registrar> registrars) {
        /**
         * Production default: registration needs a registrar's countersignature (a network names its
         * registrars in genesis), 0.001 GRID to register, 0.0001 GRID per update, a 100-block delay for
         * owner rotations requested by a recovery key.
         */
        public static final IdentitySection PRODUCTION = new IdentitySection(
                new IdentityParams(IdentityParams.RegistrationMode.REGISTRAR, 1_000_000, 100_000, 100), List.of());
        /** Development chains: open registration (see {@link IdentityParams#DEV}). */
        public static final IdentitySection DEV = new IdentitySection(IdentityParams.DEV, List.of());

        public IdentitySection {
            Objects.requireNonNull(params, "params");
            registrars = List.copyOf(registrars);
        }
    }

    public record Registrar(Address address, String label) {
        public Registrar {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(label, "label");
        }
    }

    /** An initial token allocation, in units (1 GRID = 10^9 units). */
    public record Balance(Address address, long amount) {
        public Balance {
            Objects.requireNonNull(address, "address");
        }
    }

    /** One thing wrong with a document, named by a JSON-pointer-like path such as {@code validators[1].publicKey}. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path.isEmpty() ? message : path + ": " + message;
        }
    }

    /** The outcome of reading a document: the document, or every problem found. */
    public sealed interface Parsed {
        record Valid(GenesisDocument document) implements Parsed {}

        record Invalid(List<Problem> problems) implements Parsed {
            public Invalid {
                problems = List.copyOf(problems);
            }

            /** One line per problem, for a command line to print. */
            public String describe() {
                return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
            }
        }
    }

    public static Parsed parse(String json) {
        return GenesisJson.read(json);
    }

    /** Reads and validates a file; only failing to read the file at all is an exception. */
    public static Parsed read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return GenesisJson.read(bytes);
    }

    /** For trusted input (tests, generated documents): throws listing the problems. */
    public static GenesisDocument require(String json) {
        Parsed parsed = parse(json);
        if (parsed instanceof Parsed.Invalid invalid) {
            throw new IllegalArgumentException("invalid genesis document:\n" + invalid.describe());
        }
        return ((Parsed.Valid) parsed).document();
    }

    /** Checks the rules that a well-formed document must also meet; empty means valid. */
    public List<Problem> validate() {
        return GenesisRules.check(this);
    }

    public String toJson() {
        return GenesisJson.write(this);
    }

    /** Writes the document; refuses to replace an existing file. */
    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
    }

    /** Sum of all balances; callers validate first, so this never overflows for a valid document. */
    public long totalSupply() {
        long total = 0;
        for (Balance b : balances) {
            total = Math.addExact(total, b.amount());
        }
        return total;
    }
}
