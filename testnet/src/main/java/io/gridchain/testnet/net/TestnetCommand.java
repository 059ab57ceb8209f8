package io.gridchain.testnet.net;

import io.gridchain.testnet.netns.NetnsWiring;
import io.gridchain.testnet.process.NodeProcess;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "testnet", mixinStandardHelpOptions = true,
        description = "Run a local validator network: node processes on this machine's loopback, or each in its own network namespace.",
        subcommands = {TestnetCommand.Up.class, TestnetCommand.Start.class, TestnetCommand.Status.class,
                TestnetCommand.Down.class})
public final class TestnetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = {"Make a genesis with N validators, their keys and one config per node in DIR, start N+M node "
                    + "processes on 127.0.0.1 and wait until every API answers. The nodes keep running after this command "
                    + "exits (output in DIR/<name>/node.log); stop them with 'testnet down'.",
                "Keys are encrypted with a random password in DIR/password (mode 0600) and cheap scrypt parameters: "
                    + "fine for a testnet, not for real validator keys."})
    static final class Up implements Callable<Integer> {
        @Option(names = "--validators", required = true, description = "Validators (in the genesis validator set).")
        int validators;

        @Option(names = "--observers", defaultValue = "0", description = "Observers: follow the chain, serve the API, never sign (default: ${DEFAULT-VALUE}).")
        int observers;

        @Option(names = "--dir", required = true, description = "Directory for the whole testnet; must not hold one already.")
        Path dir;

        @Option(names = "--base-port", defaultValue = "0",
                description = "Node i gets API port P+2i and libp2p port P+2i+1 (default: free ports).")
        int basePort;

        @Option(names = "--block-time", defaultValue = "500ms",
                description = "Time between blocks, e.g. 200ms or 1s (default: ${DEFAULT-VALUE}: under load, shorter heights carry "
                        + "smaller blocks and a transaction waits less for the next one).")
        String blockTime;

        @Option(names = "--netns", description = {"Run each node in its own Linux network namespace on 10.77.x.0/24, joined by "
                + "veth pairs and a bridge in this namespace (needs root and iproute2); 'testnet down' removes them.",
            "Without --base-port every node uses API port " + LocalTestnet.NETNS_API_PORT + " and libp2p port "
                + (LocalTestnet.NETNS_API_PORT + 1) + " on its own address."})
        boolean netns;

        @Option(names = "--byzantine", paramLabel = "NAME=BEHAVIOUR", hidden = true,
                description = "For fault tests only: start node NAME (e.g. validator-3) with --test-only-byzantine=BEHAVIOUR "
                        + "(equivocate, future-timestamp, forged-body, far-round-votes). Repeatable.")
        java.util.Map<String, String> byzantine = new java.util.LinkedHashMap<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            for (java.util.Map.Entry<String, String> b : byzantine.entrySet()) {
                try {
                    io.gridchain.node.bft.ByzantineBehaviour.parse(b.getValue());
                } catch (IllegalArgumentException e) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--byzantine " + b.getKey() + ": " + e.getMessage());
                }
            }
            Optional<String> unavailable = netns ? NetnsWiring.whyUnavailable() : Optional.empty();
            if (unavailable.isPresent()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("error: " + unavailable.get());
                err.flush();
                return 2;
            }
            LocalTestnet.Spec s = new LocalTestnet.Spec(validators, observers, basePort, blockTime, netns);
            out.printf("making genesis, keys and configs for %d validator(s) and %d observer(s) in %s...%n", validators, observers, dir);
            out.flush();
            LocalTestnet net = LocalTestnet.create(dir, NodeProcess.currentJar(), s);
            for (java.util.Map.Entry<String, String> b : byzantine.entrySet()) {
                int index = net.indexOf(b.getKey()).orElseThrow(() -> new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--byzantine: no node named " + b.getKey() + " (names are validator-0, validator-1, …)"));
                net.withArgs(index, java.util.List.of("--test-only-byzantine=" + b.getValue()));
                out.printf("TEST ONLY: %s commits the fault %s%n", b.getKey(), b.getValue());
            }
            out.printf("chain %d; starting %d node processes%s...%n", net.chainId(), net.nodes().size(),
                    net.netns().map(n -> " in namespaces gc-" + n.tag() + "-*, bridge " + n.bridge() + " "
                            + n.bridgeAddress() + "/24").orElse(""));
            out.flush();
            TestnetManifest manifest = net.startAll(true, Duration.ofSeconds(120), note -> {
                out.println(note);
                out.flush();
            });
            printStarted(out, manifest, dir);
            return 0;
        }
    }

    static void printStarted(PrintWriter out, TestnetManifest manifest, Path dir) {
        for (TestnetManifest.Node n : manifest.nodes()) {
            out.printf("  %-12s pid %-7d api %s  p2p %s%n", n.name(), n.pid(), n.api(), n.p2p());
        }
        out.println("wrote " + TestnetManifest.file(dir));
        out.println("watch: gridchain testnet status --dir " + dir + "    stop: gridchain testnet down --dir " + dir);
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Start a stopped testnet again from DIR: the same genesis, keys, ports and data as 'testnet up' made.")
    static final class Start implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The testnet's directory.")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TestnetManifest before = TestnetManifest.read(dir);
            for (TestnetManifest.Node n : before.nodes()) {
                if (alive(n)) {
                    throw new IllegalStateException(n.name() + " (pid " + n.pid() + ") is still running; see `gridchain testnet "
                            + "status --dir " + dir + "`, or stop it with `gridchain testnet down --dir " + dir + "`");
                }
            }
            if (before.netnsLayout().isPresent()) {
                Optional<String> unavailable = NetnsWiring.whyUnavailable();
                if (unavailable.isPresent()) {
                    throw new IllegalStateException(unavailable.get());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            LocalTestnet net = LocalTestnet.open(dir);
            out.printf("chain %d; starting %d node processes from %s...%n", net.chainId(), net.nodes().size(), dir);
            out.flush();
            TestnetManifest manifest = net.startAll(true, Duration.ofSeconds(120), note -> {
                out.println(note);
                out.flush();
            });
            printStarted(out, manifest, dir);
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = {"Show each node's height, peers and sync state.",
            "VALIDATOR is whether the node's key is in the chain's validator set now (GET /v1/governance), so a node "
                    + "added or removed by governance shows its present role; '(genesis)' marks the role from the genesis "
                    + "file when no node answers."})
    static final class Status implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The testnet's directory.")
        Path dir;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            TestnetManifest manifest = TestnetManifest.read(dir);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("chain %d%n", manifest.chainId());
            out.printf("%-12s %-9s %8s %5s %7s %8s %s%n", "NAME", "VALIDATOR", "HEIGHT", "PEERS", "SYNCING", "PID", "ALIVE");
            Optional<java.util.Set<String>> validators = currentValidators(manifest);
            for (TestnetManifest.Node n : manifest.nodes()) {
                Optional<NodeApi.Status> s = new NodeApi(java.net.URI.create(n.api())).status();
                String role = validators.isPresent() && address(dir, n).isPresent()
                        ? (validators.get().contains(address(dir, n).get()) ? "yes" : "no")
                        : (n.validator() ? "yes" : "no") + "(genesis)";
                out.printf("%-12s %-9s %8s %5s %7s %8d %s%n", n.name(), role,
                        s.map(x -> Long.toString(x.height())).orElse("-"), s.map(x -> Integer.toString(x.peers())).orElse("-"),
                        s.map(x -> x.syncing() ? "yes" : "no").orElse("-"), n.pid(), alive(n) ? "yes" : "no");
            }
            return 0;
        }
    }

    /** The validator set as the first node that answers knows it. */
    static Optional<java.util.Set<String>> currentValidators(TestnetManifest manifest) {
        for (TestnetManifest.Node n : manifest.nodes()) {
            Optional<java.util.Set<String>> set = new NodeApi(java.net.URI.create(n.api())).validators();
            if (set.isPresent()) {
                return set;
            }
        }
        return Optional.empty();
    }

    /** The node's address (lowercase), as its keystore declares it in clear. */
    static Optional<String> address(Path dir, TestnetManifest.Node n) {
        try {
            String json = java.nio.file.Files.readString(dir.resolve(n.name()).resolve("key.json"));
            return io.gridchain.wallet.Keystore.declaredAddress(json).map(a -> a.toString().toLowerCase(java.util.Locale.ROOT));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
            description = {"Stop every node of the testnet: SIGTERM, then SIGKILL for any still running after --timeout.",
                "A testnet made with --netns also loses its namespaces, veths and bridge."})
    static final class Down implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The testnet's directory.")
        Path dir;

        @Option(names = "--timeout", defaultValue = "20s", description = "Grace after SIGTERM, e.g. 20s or 500ms (default: ${DEFAULT-VALUE}).")
        String grace;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Duration timeout = duration(grace);
            TestnetManifest manifest = TestnetManifest.read(dir);
            PrintWriter out = spec.commandLine().getOut();
            java.util.Map<TestnetManifest.Node, ProcessHandle> signalled = new java.util.LinkedHashMap<>();
            for (TestnetManifest.Node n : manifest.nodes()) {
                Optional<ProcessHandle> p = handle(n);
                if (p.isEmpty()) {
                    out.printf("%-12s not running%n", n.name());
                    continue;
                }
                p.get().destroy();
                signalled.put(n, p.get());
                out.printf("%-12s pid %d: SIGTERM sent%n", n.name(), n.pid());
            }
            out.flush();
            for (java.util.Map.Entry<TestnetManifest.Node, ProcessHandle> e : signalled.entrySet()) {
                TestnetManifest.Node n = e.getKey();
                try {
                    e.getValue().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    out.printf("%-12s pid %d: exited%n", n.name(), n.pid());
                } catch (java.util.concurrent.TimeoutException t) {
                    e.getValue().destroyForcibly();
                    out.printf("%-12s pid %d: still running after %s, SIGKILL sent%n", n.name(), n.pid(), grace);
                }
                out.flush();
            }
            TestnetManifest stopped = manifest;
            for (int i = 0; i < manifest.nodes().size(); i++) {
                stopped = stopped.withPid(i, 0);
            }
            stopped.write(dir);
            out.println("all nodes stopped; data kept in " + dir + " (start again: gridchain testnet start --dir " + dir + ")");
            if (manifest.netnsLayout().isPresent()) {
                new NetnsWiring(manifest.netnsLayout().get()).remove().forEach(out::println);
            }
            return 0;
        }
    }

    /** {@code 500ms}, {@code 20s}, {@code 2m}. */
    static Duration duration(String text) {
        String t = text.trim();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration such as 500ms, 20s or 2m");
    }

    static boolean alive(TestnetManifest.Node n) {
        return handle(n).isPresent();
    }

    /** The node's process, if it runs; a recycled pid running something else does not count. */
    static Optional<ProcessHandle> handle(TestnetManifest.Node n) {
        if (n.pid() <= 0) {
            return Optional.empty();
        }
        return ProcessHandle.of(n.pid()).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(n.dataDir())).orElse(true));
    }
}
