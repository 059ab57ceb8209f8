package io.gridchain.node.config;

import io.gridchain.consensus.TimeoutConfig;
import io.gridchain.node.bft.ByzantineBehaviour;
import java.util.List;
import java.util.Set;

/**
 * How a node joins a validator network: where its libp2p host listens, whom it dials first
 * ({@code /ip4/…/tcp/…/p2p/…} multiaddrs), the consensus timeouts, and for fault tests only, the
 * faults it is to commit.
 */
public record NetworkConfig(String p2pHost, int p2pPort, List<String> bootstrap, TimeoutConfig timeouts,
                            Set<ByzantineBehaviour> testOnlyByzantine) {
    public NetworkConfig(String p2pHost, int p2pPort, List<String> bootstrap, TimeoutConfig timeouts) {
        this(p2pHost, p2pPort, bootstrap, timeouts, Set.of());
    }

    public NetworkConfig {
        bootstrap = List.copyOf(bootstrap);
        testOnlyByzantine = Set.copyOf(testOnlyByzantine);
        if (p2pPort < 0 || p2pPort > 65535) {
            throw new IllegalArgumentException("the p2p port is 0..65535 (0 picks a free one)");
        }
    }

    /**
     * Timeouts for a network on one machine or a LAN: a round gives up on a silent proposer in 2 s.
     * With 1 s, under load a proposal of 2,000 transfers (built in up to 0.8 s, then sent and checked)
     * reached some validators after their wait had ended: 5 to 8 of about 40 heights per benchmark run
     * needed a second round; with 2 s, 1 of 24.
     */
    public static final TimeoutConfig LAN_TIMEOUTS = new TimeoutConfig(2000, 500, 500, 250, 500, 250);
}
