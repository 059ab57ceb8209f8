package io.gridchain.p2p.host;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.p2p.yamux.YamuxConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a host runs. Build with {@link #builder(PrivateKey)}.
 *
 * @param allowlist when present, only these peers may stay connected (the validator set)
 * @param earlyMuxer offer yamux inside the Noise handshake (js-libp2p does; all-or-nothing)
 * @param reserved peers that always find a slot (a validator's fellow validators)
 * @param maxUnreserved how many of the {@code maxConnections} slots all other peers share, so that
 *     strangers filling every slot cannot keep validators from reaching each other
 */
public record HostConfig(
    PrivateKey privateKey,
    List<Multiaddr> listen,
    List<Multiaddr> bootstrap,
    Optional<Set<PeerId>> allowlist,
    int maxConnections,
    Duration handshakeTimeout,
    Duration reconnectMin,
    Duration reconnectMax,
    YamuxConfig yamux,
    String agentVersion,
    boolean earlyMuxer,
    java.util.function.Predicate<PeerId> reserved,
    int maxUnreserved) {

  public HostConfig {
    listen = List.copyOf(listen);
    bootstrap = List.copyOf(bootstrap);
    allowlist = allowlist.map(Set::copyOf);
  }

  public static Builder builder(PrivateKey key) {
    return new Builder(key);
  }

  /** Mutable helper for the record; defaults suit a validator node. */
  public static final class Builder {
    private final PrivateKey key;
    private List<Multiaddr> listen = List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"));
    private List<Multiaddr> bootstrap = List.of();
    private Optional<Set<PeerId>> allowlist = Optional.empty();
    private int maxConnections = 64;
    private Duration handshakeTimeout = Duration.ofSeconds(10);
    private Duration reconnectMin = Duration.ofMillis(500);
    private Duration reconnectMax = Duration.ofSeconds(30);
    private YamuxConfig yamux = YamuxConfig.DEFAULT;
    private String agentVersion = "gridchain/0.1.0";
    private boolean earlyMuxer = true;
    private java.util.function.Predicate<PeerId> reserved = p -> false;
    private int maxUnreserved = -1; // all slots unless reserve() says otherwise

    private Builder(PrivateKey key) {
      this.key = key;
    }

    public Builder listen(List<Multiaddr> v) { listen = v; return this; }
    public Builder bootstrap(List<Multiaddr> v) { bootstrap = v; return this; }
    public Builder allowlist(Set<PeerId> v) { allowlist = Optional.of(v); return this; }
    public Builder maxConnections(int v) { maxConnections = v; return this; }
    public Builder handshakeTimeout(Duration v) { handshakeTimeout = v; return this; }
    public Builder reconnect(Duration min, Duration max) { reconnectMin = min; reconnectMax = max; return this; }
    public Builder yamux(YamuxConfig v) { yamux = v; return this; }
    public Builder agentVersion(String v) { agentVersion = v; return this; }
    public Builder earlyMuxer(boolean v) { earlyMuxer = v; return this; }
    /** Peers for which {@code reserved} holds always find a slot; all others share {@code othersSlots}. */
    public Builder reserve(java.util.function.Predicate<PeerId> reserved, int othersSlots) {
      this.reserved = reserved;
      this.maxUnreserved = othersSlots;
      return this;
    }

    public HostConfig build() {
      return new HostConfig(key, listen, bootstrap, allowlist, maxConnections, handshakeTimeout,
          reconnectMin, reconnectMax, yamux, agentVersion, earlyMuxer, reserved,
          maxUnreserved < 0 ? maxConnections : Math.min(maxUnreserved, maxConnections));
    }
  }
}
