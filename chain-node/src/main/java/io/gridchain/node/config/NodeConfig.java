package io.gridchain.node.config;

import io.gridchain.node.mempool.Mempool;
import java.nio.file.Path;
import java.time.Duration;

/** How a node runs: where its data lives, where it listens, how fast it makes blocks. Immutable. */
public record NodeConfig(Path dataDir, String apiHost, int apiPort, int p2pPort, Duration blockTime,
                         Mempool.Limits mempoolLimits) {
    public static final int DEFAULT_API_PORT = 8080;
    public static final int DEFAULT_P2P_PORT = 26656;

    public NodeConfig {
        if (apiPort < 0 || apiPort > 65535 || p2pPort < 0 || p2pPort > 65535) {
            throw new IllegalArgumentException("ports are 0..65535 (0 picks a free one)");
        }
        if (blockTime.isNegative() || blockTime.isZero()) {
            throw new IllegalArgumentException("block time must be positive");
        }
    }

    public Path chainDir() {
        return dataDir.resolve("chain");
    }
}
