package io.gridchain.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.p2p.interop.Poll;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link P2PNetwork} does, the same for the libp2p network on sockets and the
 * in-memory twin other modules test with.
 */
public abstract class P2PNetworkContract {
  static final Duration WAIT = Duration.ofSeconds(15);
  protected final List<P2PNetwork> nodes = new ArrayList<>();

  protected abstract P2PNetwork newNode() throws Exception;

  /** Waits until gossip between linked subscribers of topic is established (mesh formed). */
  protected abstract void settle(List<P2PNetwork> nodes, String topic) throws Exception;

  @AfterEach
  void closeAll() {
    nodes.forEach(P2PNetwork::close);
  }

  private P2PNetwork node() throws Exception {
    P2PNetwork n = newNode();
    nodes.add(n);
    return n;
  }

  @Test
  void peersSeeEachOtherConnectAndDisconnect() throws Exception {
    P2PNetwork a = node();
    P2PNetwork b = node();
    List<String> events = new CopyOnWriteArrayList<>();
    b.addPeerListener(new PeerListener() {
      @Override
      public void onConnected(Peer peer) {
        events.add("+" + peer.id());
      }

      @Override
      public void onDisconnected(PeerId peer) {
        events.add("-" + peer);
      }
    });
    Peer p = a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    assertThat(p.id()).isEqualTo(b.localPeerId());
    assertThat(p.outbound()).isTrue();
    Poll.until(() -> b.connectedPeers().stream().anyMatch(x -> x.id().equals(a.localPeerId())) ? true : null, WAIT);
    a.close();
    Poll.until(() -> events.size() == 2 ? true : null, WAIT);
    assertThat(events).containsExactly("+" + a.localPeerId(), "-" + a.localPeerId());
  }

  @Test
  void gossipReachesSubscribersThroughAnIntermediateNodeAndRejectStopsIt() throws Exception {
    P2PNetwork a = node();
    P2PNetwork b = node();
    P2PNetwork c = node();
    List<String> atB = new CopyOnWriteArrayList<>();
    List<String> atC = new CopyOnWriteArrayList<>();
    Topic ta = a.subscribe("t", m -> ValidationResult.ACCEPT);
    b.subscribe("t", m -> {
      String s = new String(m.data(), StandardCharsets.UTF_8);
      atB.add(s);
      return s.startsWith("bad") ? ValidationResult.REJECT : ValidationResult.ACCEPT;
    });
    c.subscribe("t", m -> {
      atC.add(new String(m.data(), StandardCharsets.UTF_8) + " from " + m.origin().equals(a.localPeerId()));
      return ValidationResult.ACCEPT;
    });
    a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    b.dial(c.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    settle(List.of(a, b, c), "t");

    assertThat(ta.publish("bad block".getBytes(StandardCharsets.UTF_8)).get()).isEqualTo(1);
    ta.publish("good block".getBytes(StandardCharsets.UTF_8)).get();
    Poll.until(() -> atC.contains("good block from true") ? true : null, WAIT);
    assertThat(atB).containsExactly("bad block", "good block");
    assertThat(atC).containsExactly("good block from true");
  }

  /**
   * B's validator of topic "slow" holds its verdict until released; meanwhile a message on "fast"
   * must reach C through B, and the held message is forwarded only once it is accepted.
   */
  @Test
  void aSlowAsyncValidatorHoldsUpNeitherOtherTopicsNorItsOwnForwarding() throws Exception {
    P2PNetwork a = node();
    P2PNetwork b = node();
    P2PNetwork c = node();
    CompletableFuture<ValidationResult> verdict = new CompletableFuture<>();
    List<String> atC = new CopyOnWriteArrayList<>();
    Topic slowAtA = a.subscribe("slow", m -> ValidationResult.ACCEPT);
    Topic fastAtA = a.subscribe("fast", m -> ValidationResult.ACCEPT);
    b.subscribeAsync("slow", m -> verdict);
    b.subscribe("fast", m -> ValidationResult.ACCEPT);
    for (String topic : List.of("slow", "fast")) {
      c.subscribe(topic, m -> {
        atC.add(topic + ":" + new String(m.data(), StandardCharsets.UTF_8));
        return ValidationResult.ACCEPT;
      });
    }
    a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    b.dial(c.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    settle(List.of(a, b, c), "slow");
    settle(List.of(a, b, c), "fast");

    slowAtA.publish("batch".getBytes(StandardCharsets.UTF_8)).get();
    fastAtA.publish("vote".getBytes(StandardCharsets.UTF_8)).get();
    Poll.until(() -> atC.contains("fast:vote") ? true : null, WAIT);
    assertThat(atC).containsExactly("fast:vote");

    verdict.complete(ValidationResult.ACCEPT);
    Poll.until(() -> atC.contains("slow:batch") ? true : null, WAIT);
    assertThat(atC).containsExactly("fast:vote", "slow:batch");
  }

  @Test
  void requestResponseWithLimits() throws Exception {
    P2PNetwork a = node();
    P2PNetwork b = node();
    RequestLimits limits = new RequestLimits(100, 1000, Duration.ofSeconds(2), 4);
    b.registerProtocol(new RequestResponseProtocol() {
      @Override
      public String protocolId() {
        return "/gridchain/sync/1.0.0";
      }

      @Override
      public RequestLimits limits() {
        return limits;
      }

      @Override
      public CompletableFuture<byte[]> handle(PeerId from, byte[] request) {
        String q = new String(request, StandardCharsets.UTF_8);
        if (q.equals("silence")) {
          return new CompletableFuture<>();
        }
        int n = q.equals("huge") ? 5000 : 3;
        return CompletableFuture.completedFuture(("ok".repeat(n) + " " + from.equals(a.localPeerId())).getBytes(StandardCharsets.UTF_8));
      }
    });
    a.dial(b.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
    byte[] resp = a.request(b.localPeerId(), "/gridchain/sync/1.0.0", "hi".getBytes(StandardCharsets.UTF_8), limits).get(5, TimeUnit.SECONDS);
    assertThat(new String(resp, StandardCharsets.UTF_8)).isEqualTo("okokok true");
    assertFails(a.request(b.localPeerId(), "/gridchain/sync/1.0.0", new byte[500], limits));
    assertFails(a.request(b.localPeerId(), "/gridchain/sync/1.0.0", "huge".getBytes(StandardCharsets.UTF_8), limits));
    assertFails(a.request(b.localPeerId(), "/gridchain/sync/1.0.0", "silence".getBytes(StandardCharsets.UTF_8), limits));
    assertFails(a.request(b.localPeerId(), "/gridchain/unknown/1.0.0", new byte[1], limits));
  }

  private static void assertFails(CompletableFuture<byte[]> f) {
    assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
  }
}
