package io.gridchain.node.cli;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.Metadata;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gridchain identity register|request|countersign|show|add-key|revoke-key|rotate-owner|deactivate|suspend|restore}.
 * On a chain whose registration needs a registrar, an applicant writes a signed request, a registrar
 * countersigns it and the applicant registers with it (see {@link IdentityRequest}).
 */
@Command(name = "identity", mixinStandardHelpOptions = true, description = "Identities on the chain: names, owners, keys.",
        subcommands = {IdentityCommand.Register.class, IdentityRequestCommands.Request.class,
                IdentityRequestCommands.Countersign.class, IdentityCommand.Show.class, IdentityCommand.AddKey.class,
                IdentityCommand.RevokeKey.class, IdentityCommand.RotateOwner.class, IdentityCommand.Deactivate.class,
                IdentityCommand.Suspend.class, IdentityCommand.Restore.class})
final class IdentityCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    abstract static class Signed implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Mixin
        ChainTx.Signer signer;

        @Spec
        CommandSpec spec;
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register NAME, owned by the signing key; or register what a countersigned --request names.")
    static final class Register extends Signed {
        @Parameters(paramLabel = "NAME", arity = "0..1", description = "3-63 of a-z, 0-9 and '-', no leading or trailing '-'.")
        String name;

        @Option(names = "--display-name", defaultValue = "", description = "Shown to people.")
        String displayName;

        @Option(names = "--request", paramLabel = "FILE",
                description = "A request file made by `identity request` and countersigned by a registrar.")
        java.nio.file.Path request;

        @Override
        public Integer call() {
            if (request != null) {
                IdentityRequestCommands.registerFromRequest(this);
                return 0;
            }
            if (name == null) {
                throw new CliException("give the NAME to register, or --request FILE");
            }
            Metadata md = new Metadata(displayName, Bytes.of(new byte[0]), "", Bytes.of(new byte[0]));
            ChainTx.send(spec, common, signer, TransactionBuilders.register(name, md), "register identity '" + name + "'",
                    ChainTx.identityFee(common, "registration"));
            return 0;
        }
    }

    @Command(name = "suspend", mixinStandardHelpOptions = true,
            description = "Suspend NAME (by a registrar): its keys stop verifying until it is restored.")
    static final class Suspend extends Signed {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, TransactionBuilders.suspend(name), "suspend '" + name + "' (as registrar)", "");
            return 0;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true, description = "Restore a suspended NAME (by a registrar).")
    static final class Restore extends Signed {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, TransactionBuilders.restore(name), "restore '" + name + "' (as registrar)", "");
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show an identity: owner, keys, status.")
    static final class Show implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Parameters(paramLabel = "NAME")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ChainTx.print(spec, common.client().read("v1/identities/" + name));
            return 0;
        }
    }

    @Command(name = "add-key", mixinStandardHelpOptions = true, description = "Add a key to NAME (signed by its owner).")
    static final class AddKey extends Signed {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--key", required = true, description = "The key's address.")
        String key;

        @Option(names = "--purpose", defaultValue = "authentication", description = "authentication, assertion or recovery.")
        String purpose;

        @Override
        public Integer call() {
            KeyPurpose p = KeyPurpose.parse(purpose)
                    .orElseThrow(() -> new CliException("--purpose must be authentication, assertion or recovery"));
            Address k = WalletCommand.parseAddress(spec, key);
            ChainTx.send(spec, common, signer, TransactionBuilders.addKey(name, k, p),
                    "add " + p.wireName() + " key " + k + " to '" + name + "'", ChainTx.identityFee(common, "update"));
            return 0;
        }
    }

    @Command(name = "revoke-key", mixinStandardHelpOptions = true, description = "Revoke a key of NAME.")
    static final class RevokeKey extends Signed {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--key", required = true, description = "The key's address.")
        String key;

        @Override
        public Integer call() {
            Address k = WalletCommand.parseAddress(spec, key);
            ChainTx.send(spec, common, signer, TransactionBuilders.revokeKey(name, k), "revoke key " + k + " of '" + name + "'",
                    ChainTx.identityFee(common, "update"));
            return 0;
        }
    }

    @Command(name = "rotate-owner", mixinStandardHelpOptions = true,
            description = "Give NAME a new owner (by the owner: now; by a recovery key: after the chain's delay).")
    static final class RotateOwner extends Signed {
        @Parameters(paramLabel = "NAME")
        String name;

        @Option(names = "--new-owner", required = true, description = "The new owner's address.")
        String newOwner;

        @Override
        public Integer call() {
            Address o = WalletCommand.parseAddress(spec, newOwner);
            ChainTx.send(spec, common, signer, TransactionBuilders.rotateOwner(name, o),
                    "rotate the owner of '" + name + "' to " + o, ChainTx.identityFee(common, "update"));
            return 0;
        }
    }

    @Command(name = "deactivate", mixinStandardHelpOptions = true, description = "Deactivate NAME for good (its name is never reused).")
    static final class Deactivate extends Signed {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            ChainTx.send(spec, common, signer, TransactionBuilders.deactivate(name), "deactivate '" + name + "' (final)",
                    ChainTx.identityFee(common, "update"));
            return 0;
        }
    }
}
