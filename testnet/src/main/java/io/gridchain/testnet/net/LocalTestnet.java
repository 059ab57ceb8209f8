package io.gridchain.testnet.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.genesis.GenesisGenerator;
import io.gridchain.node.bft.ValidatorNetwork;
import io.gridchain.testnet.netns.NetnsLayout;
import io.gridchain.testnet.netns.NetnsWiring;
import io.gridchain.testnet.process.NodeJvm;
import io.gridchain.wallet.Keystore;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A network of gridchain node processes on this machine's loopback, or each in its own network
 * namespace ({@link NetnsLayout}): validators (their keys are in the genesis validator set) and observers. Its directory holds everything needed to run it again:
 * {@code genesis.json}, {@code password} (0600), the {@code gridchain.jar} its nodes run, and per node {@code <name>/key.json},
 * {@code <name>/node.json} (the {@code node run} arguments), {@code <name>/data/} and
 * {@code <name>/node.log}; {@code testnet.json} lists the running nodes.
 */
public final class LocalTestnet {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to make: {@code basePort} 0 picks free ports (with {@code netns}: {@value #NETNS_API_PORT} and
     * the next for every node, each on its own address); else node i gets API {@code basePort + 2i}, libp2p {@code + 1}.
     */
    public record Spec(int validators, int observers, int basePort, String blockTime, boolean netns) {
        public Spec {
            if (validators < 1 || validators > 100) {
                throw new IllegalArgumentException("--validators must be between 1 and 100, got " + validators);
            }
            if (observers < 0 || observers > 100) {
                throw new IllegalArgumentException("--observers must be between 0 and 100, got " + observers);
            }
        }

        public Spec(int validators, int observers, int basePort, String blockTime) {
            this(validators, observers, basePort, blockTime, false);
        }
    }

    /** With {@code --netns} and no {@code --base-port}: every node has its own address, so all can use the same ports. */
    public static final int NETNS_API_PORT = 28080;

    /**
     * How one node is launched; written to {@code <name>/node.json} so it can be restarted exactly.
     * {@code namespace} is the network namespace it runs in ({@code ip netns exec}), or null.
     */
    public record NodeLaunch(String name, boolean validator, String apiHost, int apiPort, String p2pMultiaddr,
                             String dataDir, List<String> args, String namespace) {
        public NodeLaunch {
            args = List.copyOf(args);
        }

        public URI api() {
            return URI.create("http://" + apiHost + ":" + apiPort);
        }
    }

    private final Path dir;
    private final Path jar;
    private final long chainId;
    private final List<NodeLaunch> launches;
    private final List<SigningKey> validatorKeys;
    private final Optional<NetnsLayout> netns;
    private final Process[] processes;

    private LocalTestnet(Path dir, Path jar, long chainId, List<NodeLaunch> launches, List<SigningKey> validatorKeys,
                         Optional<NetnsLayout> netns) {
        this.dir = dir;
        this.netns = netns;
        this.jar = jar;
        this.chainId = chainId;
        this.launches = new ArrayList<>(launches); // withArgs replaces a node's entry
        this.validatorKeys = List.copyOf(validatorKeys);
        this.processes = new Process[launches.size()];
    }

    /** Writes genesis, keys and per-node configs into {@code dir}, which must not hold a testnet already. */
    public static LocalTestnet create(Path dir, Path jar, Spec spec) throws IOException {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve("genesis.json"))) {
            throw new IOException(dir + " already holds a testnet (genesis.json); use another --dir or remove it");
        }
        SecureRandom random = new SecureRandom();
        String password = writePassword(dir.resolve("password"), random);
        GenesisGenerator.Generated generated = GenesisGenerator.network(
                GenesisGenerator.NetworkSpec.defaults(spec.validators(), Instant.now().truncatedTo(ChronoUnit.SECONDS)), random);
        generated.document().write(dir.resolve("genesis.json"));
        List<SigningKey> keys = new ArrayList<>(generated.validatorKeys());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < spec.validators(); i++) {
            names.add("validator-" + i);
        }
        for (int i = 0; i < spec.observers(); i++) {
            keys.add(SigningKey.random(random));
            names.add("observer-" + i);
        }
        Optional<NetnsLayout> netns = spec.netns()
                ? Optional.of(NetnsLayout.forDirectory(dir, keys.size(), NetnsWiring.subnetsInUse()))
                : Optional.empty();
        String[] hosts = new String[keys.size()];
        int[] apiPorts = new int[keys.size()];
        int[] p2pPorts = new int[keys.size()];
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        List<String> multiaddrs = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            hosts[i] = netns.isPresent() ? netns.get().address(i) : "127.0.0.1";
            if (spec.basePort() != 0) {
                apiPorts[i] = spec.basePort() + 2 * i;
                p2pPorts[i] = spec.basePort() + 2 * i + 1;
            } else if (netns.isPresent()) {
                apiPorts[i] = NETNS_API_PORT;
                p2pPorts[i] = NETNS_API_PORT + 1;
            } else {
                apiPorts[i] = unusedPort(taken, random);
                p2pPorts[i] = unusedPort(taken, random);
            }
            multiaddrs.add("/ip4/" + hosts[i] + "/tcp/" + p2pPorts[i] + "/p2p/" + ValidatorNetwork.peerIdOf(keys.get(i)));
        }
        List<NodeLaunch> launches = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            int index = i;
            Path nodeDir = Files.createDirectories(dir.resolve(names.get(i)));
            Keystore.write(nodeDir.resolve("key.json"), keys.get(i), password, Keystore.Strength.LIGHT);
            List<String> others = new ArrayList<>(multiaddrs);
            others.remove(i);
            List<String> args = new ArrayList<>(List.of("node", "run",
                    "--data-dir", nodeDir.resolve("data").toString(),
                    "--genesis", dir.resolve("genesis.json").toString(),
                    "--key", nodeDir.resolve("key.json").toString(),
                    "--password-file", dir.resolve("password").toString(),
                    "--api-host", hosts[i], "--api-port", Integer.toString(apiPorts[i]),
                    "--p2p-host", hosts[i], "--p2p-port", Integer.toString(p2pPorts[i]),
                    // the testnet's clients (benches, the CLI) all come from this machine's one address
                    "--api-no-client-limits"));
            if (!others.isEmpty()) {
                args.add("--bootstrap");
                args.add(String.join(",", others));
            }
            if (spec.blockTime() != null) {
                args.add("--block-time");
                args.add(spec.blockTime());
            }
            NodeLaunch launch = new NodeLaunch(names.get(i), i < spec.validators(), hosts[i], apiPorts[i], multiaddrs.get(i),
                    nodeDir.resolve("data").toString(), args, netns.map(n -> n.namespace(index)).orElse(null));
            JSON.writeValue(nodeDir.resolve("node.json").toFile(), launch);
            launches.add(launch);
        }
        // The nodes run from their own copy: rebuilding target/gridchain.jar under a running JVM breaks
        // its class loading (seen: API threads spinning in Javalin's exception mapper).
        Path ownJar = dir.resolve("gridchain.jar");
        Files.copy(jar, ownJar);
        return new LocalTestnet(dir, ownJar, generated.document().chainId(), launches, generated.validatorKeys(), netns);
    }

    /**
     * The testnet {@link #create} made in {@code dir}, to start again after {@code testnet down}: the
     * same genesis, keys, ports and data, from each node's {@code node.json}. Its {@link #validatorKeys}
     * are empty (they stay encrypted on disk).
     */
    public static LocalTestnet open(Path dir) throws IOException {
        TestnetManifest manifest = TestnetManifest.read(dir);
        Path jar = dir.resolve("gridchain.jar");
        if (!Files.exists(jar)) {
            throw new IOException(dir + " has no gridchain.jar; it was not made by `testnet up`");
        }
        List<NodeLaunch> launches = new ArrayList<>();
        for (TestnetManifest.Node n : manifest.nodes()) {
            Path file = dir.resolve(n.name()).resolve("node.json");
            if (!Files.exists(file)) {
                throw new IOException("no " + file + "; cannot start " + n.name() + " again");
            }
            launches.add(JSON.readValue(file.toFile(), NodeLaunch.class));
        }
        return new LocalTestnet(dir, jar, manifest.chainId(), launches, List.of(), manifest.netnsLayout());
    }

    /**
     * A port no other node of this testnet has and nothing listens on now, taken below Linux's
     * ephemeral range (32768+) so an outgoing connection cannot grab it before the node binds it.
     */
    private static int unusedPort(java.util.Set<Integer> taken, SecureRandom random) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = 20_000 + random.nextInt(12_000);
            if (taken.contains(port)) {
                continue;
            }
            try (java.net.ServerSocket s = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                taken.add(port);
                return port;
            } catch (IOException e) {
                // in use: try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000 on 127.0.0.1");
    }

    private static String writePassword(Path file, SecureRandom random) throws IOException {
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, password + "\n");
        return password;
    }

    /**
     * Builds the namespaces if the testnet has them, starts every node (all at once: each redials
     * its peers until they are up), waits until every API answers, and writes {@code testnet.json}.
     * Detached nodes run in their own session, so they outlive this process and a Ctrl-C in its
     * terminal. On a failure the nodes started so far are killed and the namespaces removed.
     * {@code notes} hears of leftovers removed on the way.
     */
    public TestnetManifest startAll(boolean detach, Duration timeout, Consumer<String> notes) throws IOException {
        // outside the try: a refusal here means another live testnet owns these names, which are not ours to remove
        netns.ifPresent(n -> new NetnsWiring(n).clearLeftovers().forEach(notes));
        try {
            netns.ifPresent(n -> new NetnsWiring(n).build());
            for (int i = 0; i < launches.size(); i++) {
                processes[i] = launch(i, detach);
            }
            awaitAllApis(timeout);
            TestnetManifest manifest = manifest();
            manifest.write(dir);
            return manifest;
        } catch (IOException | RuntimeException e) {
            destroy().forEach(notes);
            throw e;
        }
    }

    private void awaitAllApis(Duration timeout) {
        ExecutorService waiters = Executors.newFixedThreadPool(launches.size());
        try {
            List<Future<?>> ready = new ArrayList<>();
            for (int i = 0; i < launches.size(); i++) {
                int index = i;
                ready.add(waiters.submit(() -> awaitApi(index, timeout)));
            }
            for (Future<?> f : ready) {
                f.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the testnet");
        } finally {
            waiters.shutdownNow();
        }
    }

    /** Starts node {@code index} again with the same data, key and ports, and waits for its API. */
    public void restart(int index, Duration timeout) throws IOException {
        if (processes[index] != null && processes[index].isAlive()) {
            throw new IllegalStateException(launches.get(index).name() + " is still running");
        }
        processes[index] = launch(index, false);
        awaitApi(index, timeout);
        manifest().write(dir);
    }

    private Process launch(int index, boolean detach) throws IOException {
        NodeLaunch l = launches.get(index);
        List<String> command = new ArrayList<>();
        if (detach && Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        if (l.namespace() != null) {
            // ip netns exec execs the command, so the process (and its pid) is the JVM's
            command.addAll(List.of("ip", "netns", "exec", l.namespace()));
        }
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(NodeJvm.options());
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(l.args());
        Path log = dir.resolve(l.name()).resolve("node.log");
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private void awaitApi(int index, Duration timeout) {
        NodeLaunch l = launches.get(index);
        NodeApi api = new NodeApi(l.api());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (api.status().isEmpty()) {
            Process p = processes[index];
            if (!p.isAlive()) {
                throw new IllegalStateException(l.name() + " exited with " + p.exitValue() + " before its API answered; see "
                        + dir.resolve(l.name()).resolve("node.log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(l.name() + " API did not answer within " + timeout + "; see "
                        + dir.resolve(l.name()).resolve("node.log"));
            }
            sleep(100);
        }
    }

    public TestnetManifest manifest() {
        List<TestnetManifest.Node> nodes = new ArrayList<>();
        for (int i = 0; i < launches.size(); i++) {
            NodeLaunch l = launches.get(i);
            long pid = processes[i] == null || !processes[i].isAlive() ? 0 : processes[i].pid();
            nodes.add(new TestnetManifest.Node(l.name(), l.api().toString(), l.p2pMultiaddr(), l.dataDir(), pid, l.validator()));
        }
        return new TestnetManifest(chainId, nodes, netns.orElse(null));
    }

    /** SIGKILL: no shutdown hook, no flush; what a power cut does to the process. */
    public void kill(int index) {
        Process p = processes[index];
        if (p != null) {
            p.destroyForcibly();
            waitFor(p, Duration.ofSeconds(30));
        }
    }

    /** SIGTERM, then SIGKILL if the node has not exited within {@code grace}; the exit code. */
    public int stop(int index, Duration grace) {
        Process p = processes[index];
        if (p == null) {
            return 0;
        }
        p.destroy();
        if (!waitFor(p, grace)) {
            p.destroyForcibly();
            waitFor(p, Duration.ofSeconds(30));
        }
        return p.exitValue();
    }

    public void killAll() {
        for (int i = 0; i < processes.length; i++) {
            if (processes[i] != null && processes[i].isAlive()) {
                processes[i].destroyForcibly();
            }
        }
        for (Process p : processes) {
            if (p != null) {
                waitFor(p, Duration.ofSeconds(30));
            }
        }
    }

    /**
     * Kills every node and removes the namespaces, if the testnet has them; what was removed, a line
     * per kind. Safe to call more than once.
     */
    public List<String> destroy() {
        killAll();
        return netns.map(n -> new NetnsWiring(n).remove()).orElse(List.of());
    }

    /** The namespace layout, for a testnet made with {@code netns}. */
    public Optional<NetnsLayout> netns() {
        return netns;
    }

    public boolean isRunning(int index) {
        return processes[index] != null && processes[index].isAlive();
    }

    public Path dir() {
        return dir;
    }

    public long chainId() {
        return chainId;
    }

    /** The index of the node called {@code name}, e.g. validator-3. */
    public Optional<Integer> indexOf(String name) {
        for (int i = 0; i < launches.size(); i++) {
            if (launches.get(i).name().equals(name)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    public List<NodeLaunch> nodes() {
        return List.copyOf(launches);
    }

    /** The validators' keys, in genesis order; each validator's account is funded in genesis. */
    public List<SigningKey> validatorKeys() {
        return validatorKeys;
    }

    public Optional<Process> process(int index) {
        return Optional.ofNullable(processes[index]);
    }

    /**
     * Adds arguments to node {@code index}'s {@code node run} command (a test-only switch, say) and to
     * its {@code node.json}; they apply from its next start.
     */
    public void withArgs(int index, List<String> extra) throws IOException {
        NodeLaunch l = launches.get(index);
        List<String> args = new ArrayList<>(l.args());
        args.addAll(extra);
        NodeLaunch changed = new NodeLaunch(l.name(), l.validator(), l.apiHost(), l.apiPort(), l.p2pMultiaddr(), l.dataDir(), args,
                l.namespace());
        JSON.writeValue(dir.resolve(l.name()).resolve("node.json").toFile(), changed);
        launches.set(index, changed);
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted"));
        }
    }
}
