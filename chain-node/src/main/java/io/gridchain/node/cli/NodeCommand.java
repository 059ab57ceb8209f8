package io.gridchain.node.cli;

import io.gridchain.node.bft.ByzantineBehaviour;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.node.GridchainNode;
import io.gridchain.node.chain.ChainVerifier;
import io.gridchain.node.chain.GenesisData;
import io.gridchain.node.chain.GenesisLoader;
import io.gridchain.node.config.NetworkConfig;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.leveldb.LevelDbKeyValueStore;
import io.gridchain.wallet.Keystore;
import io.gridchain.wallet.PasswordSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "node", mixinStandardHelpOptions = true, description = "Run or check a node.",
        subcommands = {NodeCommand.Run.class, NodeCommand.Init.class, NodeCommand.VerifyDb.class})
final class NodeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Run a node of a network from its genesis file and the node's key: a validator if the key is in the "
                    + "validator set, else an observer that follows the chain and serves the API.")
    static final class Run implements Callable<Integer> {
        @Option(names = "--config", paramLabel = "FILE", description = "A node.yaml whose keys are these options without "
                + "the dashes (see `node init`); options given here win over the file.")
        Path config;

        // required, but possibly from --config: checked in call()
        @Option(names = "--data-dir", description = "Where the node keeps its chain (required).")
        Path dataDir;

        @Option(names = "--genesis", description = "The network's genesis.json (required).")
        Path genesis;

        @Option(names = "--key", description = "The node's keystore (Web3 Secret Storage v3; required): a validator's key "
                + "makes a validator, any other key an observer.")
        Path key;

        @Option(names = "--password-file", description = "Read the keystore password from the first line of this file "
                + "(else $" + PasswordSource.ENV + ", else a prompt).")
        Path passwordFile;

        @Option(names = "--api-host", defaultValue = "127.0.0.1", description = "Address the HTTP API binds to (default: ${DEFAULT-VALUE}).")
        String apiHost;

        @Option(names = "--api-port", defaultValue = "8080", description = "HTTP API port (default: ${DEFAULT-VALUE}).")
        int apiPort;

        @Option(names = "--public-url", description = "The node's public base URL: the OAuth issuer; its host:port is "
                + "the domain sign-in messages name (default: http://<api-host>:<api-port>).")
        String publicUrl;

        @picocli.CommandLine.Mixin
        ApiLimitOptions apiLimits = new ApiLimitOptions();

        @Option(names = "--p2p-host", defaultValue = "127.0.0.1", description = "Address the libp2p host listens on (default: ${DEFAULT-VALUE}).")
        String p2pHost;

        @Option(names = "--p2p-port", defaultValue = "26656", description = "libp2p port (default: ${DEFAULT-VALUE}).")
        int p2pPort;

        @Option(names = "--bootstrap", split = ",", description = "Peers to dial first: /ip4/…/tcp/…/p2p/… (repeat or comma-separate).")
        List<String> bootstrap = new ArrayList<>();

        @Option(names = "--block-time", description = "Time between blocks (default: the genesis target block time).")
        Duration blockTime;

        @Option(names = "--test-only-equivocate", hidden = true,
                description = "Sign conflicting prevotes: for fault tests of a network, never for a real validator.")
        boolean equivocate;

        @Option(names = "--test-only-byzantine", hidden = true, split = ",", paramLabel = "BEHAVIOUR",
                description = "Commit these faults (equivocate, future-timestamp, forged-body, far-round-votes): "
                        + "for fault tests of a network, never for a real validator.")
        List<String> byzantine = new ArrayList<>();

        @Spec
        CommandSpec spec;

        private java.util.Set<ByzantineBehaviour> faults() {
            java.util.Set<ByzantineBehaviour> faults = ByzantineBehaviour.none();
            if (equivocate) {
                faults.add(ByzantineBehaviour.EQUIVOCATE);
            }
            try {
                byzantine.forEach(b -> faults.add(ByzantineBehaviour.parse(b)));
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            return faults;
        }

        /** The file's settings under the command line's, then the options no node runs without. */
        private void settle() {
            if (config != null) {
                NodeConfigFile.apply(config, spec, spec.commandLine().getParseResult());
            }
            List<String> missing = new ArrayList<>();
            if (dataDir == null) {
                missing.add("--data-dir");
            }
            if (genesis == null) {
                missing.add("--genesis");
            }
            if (key == null) {
                missing.add("--key");
            }
            if (!missing.isEmpty()) {
                throw new CliException("missing " + String.join(", ", missing) + " (give them here or as "
                        + String.join(", ", missing.stream().map(m -> m.substring(2) + ":").toList()) + " in --config)");
            }
        }

        @Override
        public Integer call() throws Exception {
            settle();
            java.util.Set<ByzantineBehaviour> faults = faults();
            if (!faults.isEmpty()) {
                org.slf4j.LoggerFactory.getLogger(NodeCommand.class).warn("TEST ONLY: this validator commits the faults {}",
                        faults);
            }
            GenesisData genesisData = GenesisLoader.load(genesis);
            String password = PasswordSource.system(Optional.ofNullable(passwordFile)).forUnlocking("keystore " + key);
            if (!Files.exists(key)) {
                throw new CliException("keystore " + key + " does not exist");
            }
            SigningKey validator = Keystore.read(key, password).orElseThrow();
            Duration interval = blockTime != null ? blockTime
                    : Duration.ofMillis(io.gridchain.genesis.GenesisDocument.require(
                            new String(genesisData.document(), java.nio.charset.StandardCharsets.UTF_8))
                            .params().targetBlockTimeMillis());
            NodeConfig config = new NodeConfig(dataDir, apiHost, apiPort, p2pPort, interval, Mempool.Limits.DEFAULT)
                    .withPublicUrl(java.util.Optional.ofNullable(publicUrl)).withApiLimits(apiLimits.limits());
            FirstStart first = FirstStart.at(dataDir);
            GridchainNode node;
            try {
                node = GridchainNode.startNetworked(config,
                        new NetworkConfig(p2pHost, p2pPort, bootstrap, NetworkConfig.LAN_TIMEOUTS, faults()), genesisData,
                        validator, Clock.systemUTC());
            } catch (RuntimeException e) {
                first.undo();
                throw new PortsInUse(apiHost, apiPort, p2pHost, p2pPort).explain(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            boolean isValidator = node.ledger().validators().contains(validator.address());
            out.println((isValidator ? "Validator " : "Observer ") + validator.address() + " on chain " + genesisData.chainId()
                    + "; API http://" + apiHost + ":" + node.apiPort() + "; libp2p "
                    + node.network().orElseThrow().listenAddresses());
            out.flush();
            NodeLifecycle.runUntilStopped(node);
            return 0;
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Write DIR/node.yaml: every option of `node run` as a commented key, for `node run --config`.")
    static final class Init implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The node's directory (made if absent); node.yaml is not overwritten.")
        Path dir;

        @Option(names = "--genesis", description = "The network's genesis.json (default: DIR/genesis.json).")
        Path genesis;

        @Option(names = "--key", description = "The node's keystore (default: DIR/key.json).")
        Path key;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path file = dir.resolve("node.yaml");
            if (Files.exists(file)) {
                throw new CliException(file + " exists; refusing to overwrite it");
            }
            CommandSpec run = spec.parent().subcommands().get("run").getCommandSpec();
            java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
            values.put("data-dir", dir.resolve("data").toString());
            values.put("genesis", (genesis != null ? genesis : dir.resolve("genesis.json")).toString());
            values.put("key", (key != null ? key : dir.resolve("key.json")).toString());
            Files.createDirectories(dir);
            Files.writeString(file, NodeConfigFile.template(run, values));
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + file + " (" + NodeConfigFile.keys(run).size() + " keys, one per option of `node run`)");
            out.println("next: edit it, then `gridchain node run --config " + file + "`");
            return 0;
        }
    }

    @Command(name = "verify-db", mixinStandardHelpOptions = true,
            description = "Re-execute every stored block from genesis and compare state roots and certificates.")
    static final class VerifyDb implements Callable<Integer> {
        @Option(names = "--data-dir", required = true, description = "The node's data directory (the node must be stopped).")
        Path dataDir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path chainDir = dataDir.resolve("chain");
            if (!Files.isDirectory(chainDir)) {
                throw new CliException(dataDir + " holds no chain (no " + chainDir + ")");
            }
            PrintWriter out = spec.commandLine().getOut();
            Path scratch = Files.createTempDirectory("gridchain-verify-");
            try (ChainStore stored = new ChainStore(LevelDbKeyValueStore.open(chainDir.toFile()), 1 << 20)) {
                long head = stored.headHeight().orElse(0L);
                out.println("verifying " + head + " blocks in " + chainDir);
                out.flush();
                long step = Math.max(1, head / 20);
                ChainVerifier.Result result = ChainVerifier.verify(stored, LevelDbKeyValueStore.open(scratch.toFile()), h -> {
                    if (h % step == 0 || h == head) {
                        out.printf("  %d/%d blocks re-executed%n", h, head);
                        out.flush();
                    }
                });
                if (result instanceof ChainVerifier.Result.Failed failed) {
                    spec.commandLine().getErr().println("error: block " + failed.height() + ": " + failed.reason());
                    return 1;
                }
                ChainVerifier.Result.Verified ok = (ChainVerifier.Result.Verified) result;
                out.println("ok: " + ok.height() + " blocks verified, state root " + ok.stateRoot());
                return 0;
            } finally {
                deleteRecursively(scratch);
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
