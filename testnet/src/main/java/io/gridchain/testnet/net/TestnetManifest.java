package io.gridchain.testnet.net;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gridchain.testnet.netns.NetnsLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code D/testnet.json}: what a running local testnet is made of, for operators and tools
 * ({@code testnet status}, {@code testnet down}, {@code bench testnet}).
 */
public record TestnetManifest(long chainId, List<Node> nodes,
                              @JsonInclude(JsonInclude.Include.NON_NULL) NetnsLayout netns) {
    public static final String FILE = "testnet.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public TestnetManifest {
        nodes = List.copyOf(nodes);
    }

    /** Where its namespaces are ({@code testnet down} removes them); empty for a testnet on loopback. */
    public Optional<NetnsLayout> netnsLayout() {
        return Optional.ofNullable(netns);
    }

    /** One node: {@code api} is the HTTP base URL, {@code p2p} its full libp2p multiaddr. */
    public record Node(String name, String api, String p2p, String dataDir, long pid, boolean validator) {}

    public static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    public static TestnetManifest read(Path dir) throws IOException {
        Path f = file(dir);
        if (!Files.exists(f)) {
            throw new IOException("no testnet in " + dir + " (no " + FILE + ")");
        }
        return JSON.readValue(f.toFile(), TestnetManifest.class);
    }

    /** Written beside and then moved over the old file, so a reader never sees half of it. */
    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        JSON.writeValue(tmp.toFile(), this);
        Files.move(tmp, file(dir), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public TestnetManifest withPid(int index, long pid) {
        List<Node> copy = new java.util.ArrayList<>(nodes);
        Node n = copy.get(index);
        copy.set(index, new Node(n.name(), n.api(), n.p2p(), n.dataDir(), pid, n.validator()));
        return new TestnetManifest(chainId, copy, netns);
    }
}
