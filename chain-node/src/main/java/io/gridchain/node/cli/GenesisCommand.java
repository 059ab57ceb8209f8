package io.gridchain.node.cli;

import io.gridchain.genesis.GenesisDocument;
import io.gridchain.genesis.GenesisGenerator;
import io.gridchain.genesis.GenesisState;
import io.gridchain.identity.IdentityParams;
import io.gridchain.wallet.Keystore;
import io.gridchain.wallet.PasswordSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "genesis", mixinStandardHelpOptions = true, description = "Make and check genesis documents.",
        subcommands = {GenesisCommand.New.class, GenesisCommand.Validate.class})
final class GenesisCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = "Write genesis.json and one encrypted keystore per validator into a new directory.")
    static final class New implements Callable<Integer> {
        @Option(names = "--validators", required = true, description = "How many validators.")
        int validators;

        @Option(names = "--out", required = true, description = "Directory to write into (files are never overwritten).")
        Path out;

        @Option(names = "--chain-id", defaultValue = "1337", description = "Chain id (default: ${DEFAULT-VALUE}).")
        long chainId;

        @Option(names = "--password-file", description = "Encrypt the keystores with the first line of this file "
                + "(else $" + PasswordSource.ENV + ", else a prompt).")
        Path passwordFile;

        @Option(names = "--light-kdf", description = "Use cheap scrypt parameters (development and tests only).")
        boolean lightKdf;

        @Option(names = "--registration", description = "open (anyone registers a name) or registrar (a registrar "
                + "countersigns each registration; the default).")
        String registration;

        @Option(names = "--registrar", paramLabel = "ADDRESS",
                description = "A registrar: countersigns registrations, suspends and restores identities (repeatable).")
        List<String> registrars = new ArrayList<>();

        @Spec
        CommandSpec spec;

        /** The identity section: production fees and delay, with the registration mode and registrars given. */
        private GenesisDocument.IdentitySection identity() {
            boolean chosen = registration != null;
            if (!chosen) {
                registration = "registrar";
            }
            IdentityParams.RegistrationMode mode = switch (registration) {
                case "open" -> IdentityParams.RegistrationMode.OPEN;
                case "registrar" -> IdentityParams.RegistrationMode.REGISTRAR;
                default -> throw new CliException("--registration must be open or registrar, not '" + registration + "'");
            };
            if (mode == IdentityParams.RegistrationMode.REGISTRAR && registrars.isEmpty() && chosen) {
                throw new CliException("--registration registrar needs at least one --registrar ADDRESS (no identity could "
                        + "ever be registered); or use --registration open");
            }
            List<GenesisDocument.Registrar> list = new ArrayList<>();
            for (String text : registrars) {
                list.add(new GenesisDocument.Registrar(WalletCommand.parseAddress(spec, text), "registrar " + list.size()));
            }
            IdentityParams p = GenesisDocument.IdentitySection.PRODUCTION.params();
            return new GenesisDocument.IdentitySection(new IdentityParams(mode, p.registrationFee(), p.updateFee(),
                    p.rotationDelayBlocks()), list);
        }

        @Override
        public Integer call() throws Exception {
            if (validators < 1 || validators > 1000) {
                throw new CliException("--validators must be between 1 and 1000");
            }
            GenesisDocument.IdentitySection identity = identity();
            String password = PasswordSource.system(Optional.ofNullable(passwordFile)).forCreating("validator keystores");
            GenesisGenerator.NetworkSpec defaults = GenesisGenerator.NetworkSpec.defaults(validators,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS));
            GenesisGenerator.NetworkSpec networkSpec = new GenesisGenerator.NetworkSpec(chainId, defaults.genesisTime(),
                    defaults.validators(), defaults.powerEach(), defaults.balanceEach(), defaults.extraBalances(),
                    defaults.params());
            GenesisGenerator.Generated generated = GenesisGenerator.network(networkSpec, new SecureRandom())
                    .withIdentity(identity);
            Keystore.Strength strength = lightKdf ? Keystore.Strength.LIGHT : Keystore.Strength.STANDARD;
            PrintWriter o = spec.commandLine().getOut();
            o.println("encrypting " + validators + " validator key(s)...");
            o.flush();
            generated.writeTo(out, (file, key) -> Keystore.write(file, key, password, strength));
            o.println("wrote " + out.resolve("genesis.json") + " (hash " + GenesisState.build(generated.document()).hash() + ")");
            if (identity.registrars().isEmpty() && registration.equals("registrar")) {
                o.println("warning: registration needs a registrar's countersignature and no --registrar was given: no identity "
                        + "can be registered on this chain (pass --registrar ADDRESS or --registration open)");
            } else {
                o.println("  registration: " + registration + (identity.registrars().isEmpty() ? ""
                        : ", registrars " + identity.registrars().stream().map(r -> r.address().toString()).toList()));
            }
            for (int i = 0; i < validators; i++) {
                o.println("  validator " + i + ": " + generated.validatorKeys().get(i).address() + " -> "
                        + GenesisGenerator.Generated.validatorFile(out, i));
            }
            return 0;
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true, description = "Check a genesis file and print its hash.")
    static final class Validate implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The genesis.json to check.")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            GenesisDocument.Parsed parsed = GenesisDocument.read(file);
            if (parsed instanceof GenesisDocument.Parsed.Invalid invalid) {
                spec.commandLine().getErr().println("error: " + file + " is invalid:\n" + invalid.describe());
                return 1;
            }
            GenesisDocument doc = ((GenesisDocument.Parsed.Valid) parsed).document();
            spec.commandLine().getOut().println("ok: chain " + doc.chainId() + ", " + doc.validators().size()
                    + " validator(s), genesis hash " + GenesisState.build(doc).hash());
            return 0;
        }
    }
}
