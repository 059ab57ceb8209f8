package io.gridchain.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.interop.Poll;
import io.gridchain.p2p.multiaddr.Multiaddr;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Host policies: the allowlist, the connection limit, bootstrap peers and reconnecting. */
class HostTest {
  static final Duration WAIT = Duration.ofSeconds(10);
  final List<Libp2pNetwork> nodes = new ArrayList<>();

  @AfterEach
  void close() {
    nodes.forEach(Libp2pNetwork::close);
  }

  private Libp2pNetwork start(HostConfig config) throws InterruptedException {
    Libp2pNetwork n = Libp2pNetwork.start(config);
    nodes.add(n);
    return n;
  }

  private static PrivateKey key() {
    return PrivateKey.generate(KeyType.SECP256K1);
  }

  private static PeerId id(PrivateKey k) {
    return PeerId.fromPublicKey(k.publicKey());
  }

  @Test
  void onlyAllowlistedPeersMayConnectEitherWay() throws Exception {
    PrivateKey validatorKey = key();
    PrivateKey strangerKey = key();
    PrivateKey guardedKey = key();
    Libp2pNetwork guarded = start(HostConfig.builder(guardedKey).allowlist(Set.of(id(validatorKey))).build());
    Libp2pNetwork validator = start(HostConfig.builder(validatorKey).build());
    Libp2pNetwork stranger = start(HostConfig.builder(strangerKey).build());

    validator.dial(guarded.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    assertThat(validator.ping(guarded.localPeerId()).get(10, TimeUnit.SECONDS)).isPositive();

    // the stranger completes Noise, then the guarded host hangs up on it
    stranger.dial(guarded.listenAddresses().get(0)).handle((p, e) -> null).get(10, TimeUnit.SECONDS);
    Poll.until(() -> stranger.connectedPeers().isEmpty() ? true : null, WAIT);
    assertThat(guarded.connectedPeers()).extracting(p -> p.id()).containsExactly(validator.localPeerId());
    assertThatThrownBy(() -> guarded.dial(stranger.listenAddresses().get(0)).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasMessageContaining("is not in the allowlist");
  }

  @Test
  void connectionsBeyondTheLimitAreRefusedBothWays() throws Exception {
    Libp2pNetwork small = start(HostConfig.builder(key()).maxConnections(1).build());
    Libp2pNetwork first = start(HostConfig.builder(key()).build());
    Libp2pNetwork second = start(HostConfig.builder(key()).build());
    first.dial(small.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> second.dial(small.listenAddresses().get(0)).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(small.connectedPeers()).hasSize(1);
    assertThatThrownBy(() -> small.dial(second.listenAddresses().get(0)).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasMessageContaining("connection limit reached (1)");
  }

  /** Strangers filling every slot must not keep a validator's fellow validators out. */
  @Test
  void reservedPeersFindASlotWhenStrangersHaveTakenTheirShare() throws Exception {
    PrivateKey validatorKey = key();
    Libp2pNetwork host = start(HostConfig.builder(key()).maxConnections(3)
        .reserve(p -> p.equals(id(validatorKey)), 1).build());
    Libp2pNetwork stranger = start(HostConfig.builder(key()).build());
    Libp2pNetwork secondStranger = start(HostConfig.builder(key()).build());
    Libp2pNetwork validator = start(HostConfig.builder(validatorKey).build());

    stranger.dial(host.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    secondStranger.dial(host.listenAddresses().get(0)).handle((p, e) -> null).get(10, TimeUnit.SECONDS);
    Poll.until(() -> secondStranger.connectedPeers().isEmpty() ? true : null, WAIT);
    validator.dial(host.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    assertThat(validator.ping(host.localPeerId()).get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(host.connectedPeers()).extracting(p -> p.id())
        .containsExactlyInAnyOrder(stranger.localPeerId(), validator.localPeerId());
    assertThatThrownBy(() -> host.dial(secondStranger.listenAddresses().get(0)).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasMessageContaining("slots for peers outside the validator set are taken");
  }

  /** A peer cannot take many slots by connecting again and again under one identity. */
  @Test
  void onePeerGetsNoMoreThanTwoConnections() throws Exception {
    Libp2pNetwork host = start(HostConfig.builder(key()).build());
    Libp2pNetwork greedy = start(HostConfig.builder(key()).build());
    for (int i = 0; i < 5; i++) {
      greedy.dial(host.listenAddresses().get(0)).handle((p, e) -> null).get(10, TimeUnit.SECONDS);
    }
    Poll.until(() -> host.host().connectionCount() <= 2 ? true : null, WAIT);
    assertThat(host.host().connectionCount()).isBetween(1, 2);
    assertThat(greedy.ping(host.localPeerId()).get(10, TimeUnit.SECONDS)).isPositive();
  }

  @Test
  void bootstrapPeersAreRedialedWithBackoffUntilTheyAnswerAndAfterTheyLeave() throws Exception {
    PrivateKey seedKey = key();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Multiaddr seedAddr = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + port + "/p2p/" + id(seedKey));
    Libp2pNetwork node = start(HostConfig.builder(key()).bootstrap(List.of(seedAddr))
        .reconnect(Duration.ofMillis(100), Duration.ofMillis(400)).build());
    Thread.sleep(500); // a few failed attempts against a closed port
    HostConfig seedConfig = HostConfig.builder(seedKey).listen(List.of(seedAddr.withoutPeerId())).build();
    Libp2pNetwork seed = Libp2pNetwork.start(seedConfig);
    Poll.until(() -> node.connectedPeers().isEmpty() ? null : true, WAIT);
    seed.close();
    Poll.until(() -> node.connectedPeers().isEmpty() ? true : null, WAIT);
    Libp2pNetwork again = start(seedConfig);
    Poll.until(() -> node.connectedPeers().isEmpty() ? null : true, WAIT);
    assertThat(node.connectedPeers().get(0).id()).isEqualTo(again.localPeerId());
  }

  @Test
  void connectedPeersCarryTheirIdentifiedListenAddresses() throws Exception {
    Libp2pNetwork a = start(HostConfig.builder(key()).build());
    Libp2pNetwork b = start(HostConfig.builder(PrivateKey.generate(KeyType.ED25519)).build());
    a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    Multiaddr expected = b.listenAddresses().get(0).withoutPeerId();
    Poll.until(() -> a.connectedPeers().get(0).listenAddresses().contains(expected) ? true : null, WAIT);
  }
}
