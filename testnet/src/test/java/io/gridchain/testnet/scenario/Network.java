package io.gridchain.testnet.scenario;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.testnet.net.LocalTestnet;
import io.gridchain.testnet.net.NodeApi;
import io.gridchain.testnet.netns.NetnsWiring;
import io.gridchain.wallet.NodeClient;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * A running network of node processes, driven like a script: wait for heights, kill and restart
 * nodes, send transfers, and check that every node holds the same blocks. Nodes are numbered as in
 * genesis (validators first, then observers). Waits fail with what every node reported last.
 */
public final class Network implements AutoCloseable {
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(90);
    private final LocalTestnet testnet;
    private final List<NodeApi> apis = new ArrayList<>();

    Network(LocalTestnet testnet) {
        this.testnet = testnet;
        for (LocalTestnet.NodeLaunch n : testnet.nodes()) {
            apis.add(new NodeApi(n.api()));
        }
    }

    public int size() {
        return apis.size();
    }

    public List<Integer> all() {
        return IntStream.range(0, size()).boxed().toList();
    }

    /** The nodes whose process runs. */
    public List<Integer> running() {
        return all().stream().filter(testnet::isRunning).toList();
    }

    public long chainId() {
        return testnet.chainId();
    }

    public NodeApi api(int node) {
        return apis.get(node);
    }

    public NodeClient client(int node) {
        return NodeClient.create(URI.create(apis.get(node).base().toString()));
    }

    public String address(int validator) {
        return testnet.validatorKeys().get(validator).address().toString();
    }

    /** Validator {@code validator}'s key; its account is funded in genesis. */
    public SigningKey validatorKey(int validator) {
        return testnet.validatorKeys().get(validator);
    }

    /** -1 while the node does not answer. */
    public long height(int node) {
        return apis.get(node).status().map(NodeApi.Status::height).orElse(-1L);
    }

    public long highest() {
        return running().stream().mapToLong(this::height).max().orElse(-1);
    }

    public long lowest() {
        return running().stream().mapToLong(this::height).min().orElse(-1);
    }

    public void awaitHeight(long height) {
        awaitHeightOn(running(), height, DEFAULT_WAIT);
    }

    public void awaitHeightOn(List<Integer> nodes, long height) {
        awaitHeightOn(nodes, height, DEFAULT_WAIT);
    }

    public void awaitHeightOn(List<Integer> nodes, long height, Duration timeout) {
        await("height " + height + " on nodes " + nodes, timeout, () -> nodes.stream().allMatch(n -> height(n) >= height));
    }

    /** Waits until every running node has reached the highest head any of them had, and that block is the same on all. */
    public void awaitSameHead() {
        long target = highest();
        awaitHeightOn(running(), target);
        String hash = apis.get(running().get(0)).block(target).hash();
        for (int n : running()) {
            String other = apis.get(n).block(target).hash();
            if (!other.equals(hash)) {
                throw new AssertionError("block " + target + " is " + hash + " on node " + running().get(0) + " but " + other
                        + " on node " + n);
            }
        }
    }

    /** Fails unless no running node's height grows during {@code window}. */
    public void assertHaltedFor(Duration window) {
        Map<Integer, Long> before = heights();
        sleep(window.toMillis());
        Map<Integer, Long> after = heights();
        for (int n : running()) {
            if (after.get(n) > before.get(n)) {
                throw new AssertionError("node " + n + " went from height " + before.get(n) + " to " + after.get(n)
                        + " in " + window + " but the chain should be halted; heights " + before + " -> " + after);
            }
        }
    }

    public Map<Integer, Long> heights() {
        Map<Integer, Long> m = new java.util.TreeMap<>();
        for (int n : running()) {
            m.put(n, height(n));
        }
        return m;
    }

    /** SIGKILL, like a power cut. */
    public void kill(int node) {
        testnet.kill(node);
    }

    /** SIGTERM; the exit code. */
    public int stop(int node) {
        return testnet.stop(node, Duration.ofSeconds(30));
    }

    public long pid(int node) {
        return testnet.pid(node);
    }

    /** The libp2p address node {@code node} listens on, ending in /p2p/ its id. */
    public String p2pAddress(int node) {
        return testnet.nodes().get(node).p2pMultiaddr();
    }

    /** Where node {@code node} keeps its store, WAL and guard. */
    public java.nio.file.Path dataDir(int node) {
        return java.nio.file.Path.of(testnet.nodes().get(node).dataDir());
    }

    public void restart(int node) {
        try {
            testnet.restart(node, Duration.ofSeconds(120));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Signs a transfer from validator {@code from}'s genesis-funded account and submits it to node {@code via}. */
    public Transaction submitTransfer(int from, Address to, long amount, int via) {
        SigningKey key = testnet.validatorKeys().get(from);
        NodeClient client = client(via);
        long nonce = client.account(key.address()).nonce();
        Transaction tx = new UnsignedTransaction(chainId(), nonce, 1_000, new Transfer(to, amount)).signWith(key);
        client.submit(tx);
        return tx;
    }

    public void awaitCommittedOn(List<Integer> nodes, Transaction tx) {
        for (int n : nodes) {
            if (client(n).awaitCommitted(tx.hash(), DEFAULT_WAIT).isEmpty()) {
                throw new AssertionError("transaction " + tx.hash() + " not committed on node " + n + " within " + DEFAULT_WAIT
                        + "; heights " + heights());
            }
        }
    }

    /** The validators whose precommits are in the certificate that commits block {@code height}, as node {@code node} stored it. */
    public Set<String> signersOf(int node, long height) {
        return new TreeSet<>(apis.get(node).block(height).commit().map(NodeApi.Certificate::validators).orElse(List.of()));
    }

    /**
     * Every running node holds the same block (so the same state root) at every height up to the
     * lowest head among them, and across every certificate any of them holds (a block's own commit
     * and the copy its child carries) no validator precommitted two different blocks at one height
     * and round.
     */
    public ChainCheck assertSameBlocksUpToLowestHeight() {
        List<Integer> nodes = running();
        long lowest = lowest();
        Map<String, String> precommitted = new HashMap<>();
        long certificates = 0;
        for (long h = 1; h <= lowest; h++) {
            NodeApi.Block first = null;
            for (int n : nodes) {
                NodeApi.Block b = apis.get(n).block(h);
                if (first == null) {
                    first = b;
                } else if (!b.hash().equals(first.hash()) || !b.stateRoot().equals(first.stateRoot())) {
                    throw new AssertionError("fork at height " + h + ": node " + nodes.get(0) + " has " + first.hash()
                            + " (state " + first.stateRoot() + "), node " + n + " has " + b.hash() + " (state " + b.stateRoot() + ")");
                }
                for (Optional<NodeApi.Certificate> c : List.of(b.commit(), b.lastCommit())) {
                    if (c.isPresent()) {
                        certificates++;
                        checkNoDoubleSign(c.get(), precommitted, n);
                    }
                }
            }
        }
        return new ChainCheck(lowest, nodes.size(), certificates);
    }

    /** What {@link #assertSameBlocksUpToLowestHeight} looked at. */
    public record ChainCheck(long height, int nodes, long certificates) {}

    private static void checkNoDoubleSign(NodeApi.Certificate c, Map<String, String> precommitted, int node) {
        for (String v : c.validators()) {
            String key = v + "@" + c.height() + "/" + c.round();
            String earlier = precommitted.putIfAbsent(key, c.blockHash());
            if (earlier != null && !earlier.equals(c.blockHash())) {
                throw new AssertionError("double signature: validator " + v + " precommitted both " + earlier + " and "
                        + c.blockHash() + " at height " + c.height() + " round " + c.round() + " (seen on node " + node + ")");
            }
        }
    }

    public void await(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; heights " + heights()
                        + "; logs in " + testnet.dir());
            }
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /**
     * Cuts the network between the groups (node numbers): no packet crosses from one group to another,
     * in either direction; open connections stall as on a cut cable. Needs {@link Scenario#netns()}.
     */
    @SafeVarargs
    public final void partition(List<Integer>... groups) {
        wiring("partition").partition(List.of(groups));
    }

    /** Undoes {@link #partition}. */
    public void heal() {
        wiring("heal").heal();
    }

    /** Every packet {@code node} sends waits {@code delay} ({@code tc netem}); zero removes the delay. */
    public void delay(int node, Duration delay) {
        wiring("delay").delay(node, delay);
    }

    private NetnsWiring wiring(String what) {
        return testnet.netns().map(NetnsWiring::new).orElseThrow(() -> new IllegalStateException(
                what + " needs a network started with Scenario.netns(): on loopback every node reaches every other"));
    }

    /** Kills every node and removes the namespaces; runs when a test fails too (try-with-resources). */
    @Override
    public void close() {
        testnet.destroy().forEach(System.out::println);
    }

    /** The testnet directory: {@code genesis.json}, {@code password}, and per node {@code <name>/key.json} and its log. */
    public java.nio.file.Path dir() {
        return testnet.dir();
    }

    /** Node {@code node}'s directory name, e.g. {@code validator-0} or {@code observer-0}. */
    public String name(int node) {
        return testnet.nodes().get(node).name();
    }
}
