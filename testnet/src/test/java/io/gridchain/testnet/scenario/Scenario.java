package io.gridchain.testnet.scenario;

import io.gridchain.testnet.net.LocalTestnet;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a whole-network test begins: {@code Scenario.validators(4).observers(1).blockTime("200ms").start(dir)}
 * makes a genesis and keys in {@code dir} and starts every node as its own process of the gridchain jar.
 */
public final class Scenario {
    private static final Path JAR = Path.of(System.getProperty("gridchain.jar", "target/gridchain.jar"));
    private final int validators;
    private int observers;
    private String blockTime = "200ms";
    private final Map<Integer, List<String>> nodeArgs = new TreeMap<>();
    private boolean netns;

    private Scenario(int validators) {
        this.validators = validators;
    }

    public static Scenario validators(int n) {
        return new Scenario(n);
    }

    public Scenario observers(int n) {
        observers = n;
        return this;
    }

    /**
     * Each node in its own network namespace, so that {@link Network#partition} and {@link Network#delay}
     * are real; needs root (see {@link #netnsUnavailable()}).
     */
    public Scenario netns() {
        netns = true;
        return this;
    }

    /** Why this process cannot run a {@link #netns()} scenario, if it cannot: for a test's assumption. */
    public static java.util.Optional<String> netnsUnavailable() {
        return io.gridchain.testnet.netns.NetnsWiring.whyUnavailable();
    }

    public Scenario blockTime(String time) {
        blockTime = time;
        return this;
    }

    /**
     * A fresh directory for one scenario under {@code target/scenarios/}, kept after the run so that
     * the nodes' logs are there to read when a scenario fails.
     */
    public static Path directory(String name) throws IOException {
        Path root = JAR.toAbsolutePath().getParent().resolve("scenarios");
        return java.nio.file.Files.createDirectories(root).resolve(name + "-" + System.currentTimeMillis());
    }

    public Network start(String name) throws IOException {
        return start(directory(name));
    }

    public Network start(Path dir) throws IOException {
        LocalTestnet testnet = LocalTestnet.create(dir, JAR, new LocalTestnet.Spec(validators, observers, 0, blockTime, netns));
        for (Map.Entry<Integer, List<String>> e : nodeArgs.entrySet()) {
            testnet.withArgs(e.getKey(), e.getValue());
        }
        // startAll removes what it made when it fails
        testnet.startAll(false, Duration.ofSeconds(120), System.out::println);
        return new Network(testnet);
    }

    /** Extra {@code node run} arguments for one node, e.g. {@code nodeArgs(3, "--test-only-equivocate")}. */
    public Scenario nodeArgs(int node, String... args) {
        nodeArgs.computeIfAbsent(node, n -> new ArrayList<>()).addAll(List.of(args));
        return this;
    }
}
