package io.gridchain.node.config;

import io.gridchain.node.api.ApiLimits;
import io.gridchain.node.mempool.Mempool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** How a node runs: where its data lives, where it listens, how fast it makes blocks. Immutable. */
public record NodeConfig(Path dataDir, String apiHost, int apiPort, int p2pPort, Duration blockTime,
                         Mempool.Limits mempoolLimits, Optional<String> publicUrl, ApiLimits apiLimits) {
    public static final int DEFAULT_API_PORT = 8080;
    public static final int DEFAULT_P2P_PORT = 26656;

    public NodeConfig {
        if (apiPort < 0 || apiPort > 65535 || p2pPort < 0 || p2pPort > 65535) {
            throw new IllegalArgumentException("ports are 0..65535 (0 picks a free one)");
        }
        java.util.Objects.requireNonNull(publicUrl, "publicUrl");
        java.util.Objects.requireNonNull(apiLimits, "apiLimits");
        if (blockTime.isNegative() || blockTime.isZero()) {
            throw new IllegalArgumentException("block time must be positive");
        }
    }

    public NodeConfig(Path dataDir, String apiHost, int apiPort, int p2pPort, Duration blockTime,
                      Mempool.Limits mempoolLimits) {
        this(dataDir, apiHost, apiPort, p2pPort, blockTime, mempoolLimits, Optional.empty(), ApiLimits.DEFAULT);
    }

    public NodeConfig withPublicUrl(Optional<String> url) {
        return new NodeConfig(dataDir, apiHost, apiPort, p2pPort, blockTime, mempoolLimits, url, apiLimits);
    }

    public NodeConfig withApiLimits(ApiLimits limits) {
        return new NodeConfig(dataDir, apiHost, apiPort, p2pPort, blockTime, mempoolLimits, publicUrl, limits);
    }

    /**
     * The node's public base URL: the OAuth issuer, and (its host:port) the domain SIWE messages name.
     * Default {@code http://<api-host>:<port>} with the port actually bound.
     */
    public String publicBaseUrl(int boundPort) {
        String url = publicUrl.orElse("http://" + apiHost + ":" + boundPort);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Where the token-signing key is kept, so tokens survive restarts. */
    public Path oauthKeyFile() {
        return dataDir.resolve("oauth-signing-key.json");
    }

    /** Revoked tokens, used client assertions and spent sign-in nonces, until each expires. */
    public Path oauthDir() {
        return dataDir.resolve("oauth");
    }

    public Path chainDir() {
        return dataDir.resolve("chain");
    }
}
