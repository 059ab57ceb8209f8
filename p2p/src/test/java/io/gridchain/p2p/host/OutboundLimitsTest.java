package io.gridchain.p2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.interop.Poll;
import io.gridchain.p2p.yamux.YamuxConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that stops reading its socket is disconnected, whether it lets more pile up than the
 * bound or just sits on what we sent; meanwhile the victim keeps serving others.
 */
class OutboundLimitsTest {
  final List<Libp2pNetwork> nodes = new ArrayList<>();

  @AfterEach
  void close() {
    nodes.forEach(Libp2pNetwork::close);
  }

  private Libp2pNetwork node(YamuxConfig yamux) throws InterruptedException {
    Libp2pNetwork n = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).yamux(yamux).build());
    nodes.add(n);
    return n;
  }

  /** Subscribes the reader to "t" on the victim, then stops reading its TCP socket. */
  private Libp2pNetwork stalledReader(Libp2pNetwork victim) throws Exception {
    Libp2pNetwork reader = node(YamuxConfig.DEFAULT);
    reader.subscribe("t", m -> ValidationResult.ACCEPT);
    reader.dial(victim.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    Poll.until(() -> victim.gossip().topicPeers("t").join().contains(reader.localPeerId()) ? true : null, Duration.ofSeconds(10));
    TcpConnection c = (TcpConnection) reader.host().connection(victim.localPeerId()).orElseThrow();
    c.channel().config().setAutoRead(false);
    return reader;
  }

  /** The gossip router's own bound (32 MiB unsent to one peer) is reached first. */
  @Test
  void aPeerThatStopsReadingIsDisconnectedOnceTooMuchGossipWaitsForIt() throws Exception {
    floodAStalledReader(YamuxConfig.DEFAULT.withWriteLimits(64L << 20, Duration.ofMinutes(5)));
  }

  /** The connection's bound, here 8 MiB, is reached first. */
  @Test
  void aPeerThatStopsReadingIsDisconnectedOnceTooMuchWaitsOnItsConnection() throws Exception {
    floodAStalledReader(YamuxConfig.DEFAULT.withWriteLimits(8L << 20, Duration.ofMinutes(5)));
  }

  private void floodAStalledReader(YamuxConfig victimYamux) throws Exception {
    Libp2pNetwork victim = node(victimYamux);
    Libp2pNetwork reader = stalledReader(victim);
    byte[] mib = new byte[1 << 20];
    for (int i = 0; i < 100 && victim.host().connection(reader.localPeerId()).isPresent(); i++) {
      victim.publish("t", mib).get(10, TimeUnit.SECONDS);
    }
    Poll.until(() -> victim.host().connection(reader.localPeerId()).isEmpty() ? true : null, Duration.ofSeconds(10));
    assertStillServes(victim);
  }

  @Test
  void aPeerThatStopsReadingIsDisconnectedAtTheStallTimeout() throws Exception {
    Libp2pNetwork victim = node(YamuxConfig.DEFAULT.withWriteLimits(64L << 20, Duration.ofSeconds(1)));
    Libp2pNetwork reader = stalledReader(victim);
    byte[] mib = new byte[1 << 20];
    for (int i = 0; i < 12; i++) { // well below every byte bound, more than the socket buffers take
      victim.publish("t", mib).get(10, TimeUnit.SECONDS);
    }
    long start = System.nanoTime();
    Poll.until(() -> victim.host().connection(reader.localPeerId()).isEmpty() ? true : null, Duration.ofSeconds(10));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertStillServes(victim);
  }

  private void assertStillServes(Libp2pNetwork victim) throws Exception {
    Libp2pNetwork good = node(YamuxConfig.DEFAULT);
    good.dial(victim.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    assertThat(good.ping(victim.localPeerId()).get(10, TimeUnit.SECONDS)).isPositive();
  }
}
