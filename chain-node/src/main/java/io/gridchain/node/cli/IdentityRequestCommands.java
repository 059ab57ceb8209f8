package io.gridchain.node.cli;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.Metadata;
import io.gridchain.wallet.Keystore;
import io.gridchain.wallet.NodeClient;
import io.gridchain.wallet.NodeProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The registrar workflow: {@code identity request} (the applicant signs what they will register),
 * {@code identity countersign} (a registrar checks it against the chain and signs), and
 * {@code identity register --request} (the applicant sends it). Each step re-checks the file and the
 * chain, so a request for another chain, an edited request or a non-registrar's signature is refused
 * before anyone pays a fee.
 */
final class IdentityRequestCommands {
    private IdentityRequestCommands() {}

    @Command(name = "request", mixinStandardHelpOptions = true,
            description = "Write a request to register NAME, signed by its future owner, for a registrar to countersign.")
    static final class Request implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Parameters(paramLabel = "NAME", description = "3-63 of a-z, 0-9 and '-', no leading or trailing '-'.")
        String name;

        @Option(names = {"--keystore", "--from"}, required = true, description = "The future owner's key (keystore file or address).")
        String keystore;

        @Option(names = "--display-name", defaultValue = "", description = "Shown to people.")
        String displayName;

        @Option(names = "--service-uri", defaultValue = "", description = "An absolute http(s) URI of the identity's service.")
        String serviceUri;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the request (not overwritten).")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Metadata md = new Metadata(displayName, Bytes.of(new byte[0]), serviceUri, Bytes.of(new byte[0]));
            md.problem().ifPresent(p -> {
                throw new CliException(p);
            });
            io.gridchain.identity.model.Names.identityNameProblem(name).ifPresent(p -> {
                throw new CliException(p);
            });
            if (Files.exists(out)) {
                throw new CliException(out + " exists; refusing to overwrite it");
            }
            long chainId = common.client().status().chainId();
            SigningKey key = common.store().load(keystore, common.passwords().forUnlocking("the key of " + keystore));
            IdentityRequest request = IdentityRequest.signedBy(key, chainId, name, md);
            write(out, request);
            PrintWriter o = spec.commandLine().getOut();
            o.println("wrote " + out + ": register '" + name + "' owned by " + key.address() + " on chain " + chainId);
            o.println("next: a registrar runs `gridchain identity countersign " + out + " --key REGISTRAR_KEYSTORE`");
            return 0;
        }
    }

    @Command(name = "countersign", mixinStandardHelpOptions = true,
            description = "As a registrar: check a request against the chain and countersign it (the file is updated).")
    static final class Countersign implements Callable<Integer> {
        @Mixin
        WalletCommand.Common common;

        @Parameters(paramLabel = "FILE", description = "The request file.")
        Path file;

        @Option(names = {"--key", "--keystore"}, required = true, description = "The registrar's key (keystore file or address).")
        String key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            IdentityRequest request = read(file);
            NodeClient client = common.client();
            requireChain(request, client);
            SigningKey registrar = common.store().load(key, common.passwords().forUnlocking("the key of " + key));
            requireRegistrar(client, request.chainId(), registrar.address());
            IdentityRequest signed = request.countersignedBy(registrar);
            write(file, signed);
            PrintWriter o = spec.commandLine().getOut();
            o.println("countersigned as registrar " + registrar.address() + ": register '" + request.name() + "' owned by "
                    + request.owner() + " on chain " + request.chainId());
            o.println("next: the applicant runs `gridchain identity register --request " + file + " --keystore "
                    + request.owner() + "`");
            return 0;
        }
    }

    /** {@code identity register --request FILE}: the countersigned registration, sent by its owner. */
    static void registerFromRequest(IdentityCommand.Register cmd) {
        IdentityRequest request = read(cmd.request);
        if (cmd.name != null && !cmd.name.equals(request.name())) {
            throw new CliException("the request registers '" + request.name() + "', not '" + cmd.name + "'");
        }
        NodeClient client = cmd.common.client();
        requireChain(request, client);
        IdentityRequest.Countersignature c = request.countersignature().orElseThrow(() -> new CliException(
                cmd.request + " has no registrar's countersignature yet; a registrar runs `gridchain identity countersign "
                        + cmd.request + " --key REGISTRAR_KEYSTORE`"));
        Address signing = signerAddress(cmd);
        if (signing != null && !signing.equals(request.owner())) {
            throw new CliException("the request is for owner " + request.owner() + " but --keystore is " + signing
                    + "; the owner sends the registration");
        }
        ChainTx.send(cmd.spec, cmd.common, cmd.signer,
                TransactionBuilders.registerWithCountersignature(request.name(), request.metadata(), c.signature()),
                "register identity '" + request.name() + "', countersigned by registrar " + c.registrar(),
                ChainTx.identityFee(cmd.common, "registration"));
    }

    /** The address --keystore names when it names one directly; a file's address is checked by the ledger. */
    private static Address signerAddress(IdentityCommand.Register cmd) {
        Address.Parsed parsed = Address.parse(cmd.signer.keystore);
        return parsed instanceof Address.Parsed.Valid valid ? valid.address() : keystoreAddress(cmd.signer.keystore);
    }

    /** A Web3 keystore names its address in clear; reading it needs no password. */
    private static Address keystoreAddress(String file) {
        try {
            return Keystore.declaredAddress(Files.readString(Path.of(file))).orElse(null);
        } catch (IOException | RuntimeException e) {
            return null; // the keystore's own loader names what is wrong with it
        }
    }

    static IdentityRequest read(Path file) {
        String text = GovernanceJson.readFile(file, "request");
        IdentityRequest.Parsed parsed = IdentityRequest.parse(text);
        if (parsed instanceof IdentityRequest.Parsed.Malformed malformed) {
            throw new CliException(file + " is not a valid request: " + malformed.reason());
        }
        return ((IdentityRequest.Parsed.Valid) parsed).request();
    }

    private static void requireChain(IdentityRequest request, NodeClient client) {
        long chainId = client.status().chainId();
        if (request.chainId() != chainId) {
            throw new CliException("the request is for chain " + request.chainId() + " but the node at " + client.base()
                    + " runs chain " + chainId);
        }
    }

    private static void requireRegistrar(NodeClient client, long chainId, Address address) {
        try {
            client.read("v1/registrars/" + address);
        } catch (NodeProblem p) {
            if (p.status() == 404) {
                throw new CliException(address + " is not a registrar of chain " + chainId + "; only registrars countersign");
            }
            throw p;
        }
    }

    /** Replaces the file in one step, so an interrupted countersignature never leaves half a request. */
    private static void write(Path file, IdentityRequest request) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, request.toJson(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
