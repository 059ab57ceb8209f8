package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.genesis.GenesisGenerator;
import io.gridchain.node.GridchainNode;
import io.gridchain.node.chain.GenesisLoader;
import io.gridchain.node.config.NetworkConfig;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.wallet.Mnemonic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridchain dev}: a one-validator chain for development. The first run makes a mnemonic whose
 * account 0 is the funded dev account and account 1 the validator, writes the genesis and
 * {@code dev-account.json}; every later run continues the same chain.
 */
@Command(name = "dev", mixinStandardHelpOptions = true, description = "Run a single-validator development chain.")
final class DevCommand implements java.util.concurrent.Callable<Integer> {
    static final long DEV_CHAIN_ID = 1337;
    static final long DEV_FUNDS = 1_000_000 * GenesisGenerator.GRID;

    @Option(names = "--data-dir", description = "Where the chain lives (default: ${DEFAULT-VALUE}).", defaultValue = ".gridchain-dev")
    Path dataDir;

    @Option(names = "--api-host", description = "Address the HTTP API binds to (default: ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String apiHost;

    @Option(names = "--api-port", description = "HTTP API port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int apiPort;

    @Option(names = "--p2p-port", description = "libp2p port, where observers and tools can join this chain "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "26656")
    int p2pPort;

    @Option(names = "--block-time", description = "Time between blocks, e.g. 500ms or 2s (default: ${DEFAULT-VALUE}).",
            defaultValue = "1s")
    Duration blockTime;

    @Option(names = "--public-url", description = "The node's public base URL: the OAuth issuer; its host:port is "
            + "the domain sign-in messages name (default: http://<api-host>:<api-port>).")
    String publicUrl;

    @picocli.CommandLine.Mixin
    ApiLimitOptions apiLimits = new ApiLimitOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        FirstStart first = FirstStart.at(dataDir);
        GridchainNode node;
        try {
            node = start(out);
        } catch (Exception e) {
            first.undo();
            throw new PortsInUse(apiHost, apiPort, "127.0.0.1", p2pPort).explain(e);
        }
        out.println("API: http://" + apiHost + ":" + node.apiPort() + "  (Ctrl-C stops the node)");
        out.println("Console: http://" + apiHost + ":" + node.apiPort() + "/");
        out.println("libp2p: " + node.network().orElseThrow().listenAddresses());
        out.flush();
        NodeLifecycle.runUntilStopped(node);
        return 0;
    }

    private GridchainNode start(PrintWriter out) throws IOException {
        Files.createDirectories(dataDir);
        Path accountFile = dataDir.resolve("dev-account.json");
        Path genesisFile = dataDir.resolve("genesis.json");
        Mnemonic mnemonic;
        if (Files.exists(accountFile)) {
            mnemonic = readMnemonic(accountFile);
            out.println("Continuing the dev chain in " + dataDir);
        } else {
            mnemonic = Mnemonic.generate(12, new SecureRandom());
            SigningKey devAccount = mnemonic.deriveKey(0);
            GenesisDocument genesis = GenesisGenerator.dev(DEV_CHAIN_ID, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    mnemonic.deriveKey(1), devAccount.address(), DEV_FUNDS);
            genesis.write(genesisFile);
            writeAccountFile(accountFile, mnemonic, devAccount);
            out.println("New dev chain in " + dataDir);
            out.println("Dev account mnemonic (also in " + accountFile + "; for development only):");
            out.println("  " + mnemonic.phrase());
        }
        SigningKey devAccount = mnemonic.deriveKey(0);
        SigningKey validator = mnemonic.deriveKey(1);
        out.println("Dev account: " + devAccount.address() + " (m/44'/60'/0'/0/0)");
        NodeConfig config = new NodeConfig(dataDir, apiHost, apiPort, p2pPort, blockTime, Mempool.Limits.DEFAULT)
                .withPublicUrl(java.util.Optional.ofNullable(publicUrl)).withApiLimits(apiLimits.limits());
        return GridchainNode.startNetworked(config,
                new NetworkConfig("127.0.0.1", p2pPort, List.of(), NetworkConfig.LAN_TIMEOUTS), GenesisLoader.load(genesisFile),
                validator, Clock.systemUTC());
    }

    private static Mnemonic readMnemonic(Path accountFile) throws IOException {
        ObjectNode json;
        try {
            json = (ObjectNode) new ObjectMapper().readTree(accountFile.toFile());
        } catch (IOException | ClassCastException e) {
            throw new CliException(accountFile + " is not the dev account file this command writes: " + e.getMessage());
        }
        if (json == null || !json.hasNonNull("mnemonic")) {
            throw new CliException(accountFile + " has no \"mnemonic\"");
        }
        Mnemonic.Parsed parsed = Mnemonic.parse(json.get("mnemonic").asText());
        if (parsed instanceof Mnemonic.Parsed.Invalid invalid) {
            throw new CliException(accountFile + ": " + invalid.reason());
        }
        return ((Mnemonic.Parsed.Valid) parsed).mnemonic();
    }

    private static void writeAccountFile(Path file, Mnemonic mnemonic, SigningKey account) throws IOException {
        ObjectNode json = new ObjectMapper().createObjectNode();
        json.put("mnemonic", mnemonic.phrase());
        json.put("address", account.address().toString());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, json.toPrettyString() + "\n");
    }
}
