package io.gridchain.p2p.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.host.HostConfig;
import io.gridchain.p2p.host.Libp2pNetwork;
import io.gridchain.p2p.identify.PeerInfo;
import io.gridchain.p2p.multiaddr.Multiaddr;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Java and js-libp2p in both directions, with both key types on both sides. */
class JsInteropTest {
  static final String TOPIC = "interop";
  static final String JS_ED25519 = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
  static final String JS_SECP256K1 = "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20";
  static final Duration WAIT = Duration.ofSeconds(20);

  @ParameterizedTest(name = "Java {0} dials js {1}")
  @CsvSource({"SECP256K1,ed25519", "ED25519,secp256k1"})
  void javaDialsJs(KeyType javaKey, String jsKey) throws Exception {
    try (JsPeer js = JsPeer.start(jsKey, jsKey.equals("ed25519") ? JS_ED25519 : JS_SECP256K1, true);
        Session node = new Session(javaKey)) {
      PeerId jsId = PeerId.fromString(js.peerId());
      node.net.dial(Multiaddr.parse(js.listenAddr())).get(10, TimeUnit.SECONDS);
      exercise(node, js, jsId);
    }
  }

  @ParameterizedTest(name = "js {1} dials Java {0}")
  @CsvSource({"ED25519,ed25519", "SECP256K1,secp256k1"})
  void jsDialsJava(KeyType javaKey, String jsKey) throws Exception {
    try (JsPeer js = JsPeer.start(jsKey, jsKey.equals("ed25519") ? JS_ED25519 : JS_SECP256K1, false);
        Session node = new Session(javaKey)) {
      PeerId jsId = PeerId.fromString(js.peerId());
      JsonNode dialed = js.call(Map.of("cmd", "dial", "addr", node.net.listenAddresses().get(0).toString()), "dialed", WAIT);
      assertThat(dialed.get("multiplexer").asText()).isEqualTo("/yamux/1.0.0");
      exercise(node, js, jsId);
    }
  }

  @Test
  void oneMegabyteMessageBothWays() throws Exception {
    try (JsPeer js = JsPeer.start("ed25519", JS_ED25519, true);
        Session node = new Session(KeyType.SECP256K1)) {
      PeerId jsId = PeerId.fromString(js.peerId());
      node.net.dial(Multiaddr.parse(js.listenAddr())).get(10, TimeUnit.SECONDS);
      joinTopic(node, js, jsId);
      byte[] big = new byte[1 << 20];
      java.util.Arrays.fill(big, (byte) 'j');
      assertThat(node.topic.publish(big).get()).isEqualTo(1);
      String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(big));
      JsonNode got = js.await("message", e -> e.path("size").asInt() == big.length, WAIT);
      assertThat(got.get("sha").asText()).isEqualTo(sha);

      js.call(Map.of("cmd", "publish", "topic", TOPIC, "size", 1 << 20), "published", WAIT);
      GossipMessage m = node.next(WAIT);
      assertThat(m.data()).hasSize(1 << 20).containsOnly((byte) 'x');
    }
  }

  @Test
  void jsPeerSendingAnInvalidSignatureIsPenalised() throws Exception {
    try (JsPeer js = JsPeer.start("secp256k1", JS_SECP256K1, true);
        Session node = new Session(KeyType.SECP256K1)) {
      PeerId jsId = PeerId.fromString(js.peerId());
      node.net.dial(Multiaddr.parse(js.listenAddr())).get(10, TimeUnit.SECONDS);
      joinTopic(node, js, jsId);
      assertThat(node.net.gossip().score(jsId).get()).isZero();

      js.call(Map.of("cmd", "badsig", "peer", node.net.localPeerId().toString(), "topic", TOPIC, "data", "forged"), "badsig-sent", WAIT);
      double score = Poll.until(() -> {
        double s = node.net.gossip().score(jsId).join();
        return s < 0 ? s : null;
      }, WAIT);
      assertThat(score).isNegative();
      // the forged message was never delivered, and a penalised peer is pruned from the mesh
      js.call(Map.of("cmd", "publish", "topic", TOPIC, "data", "genuine"), "published", WAIT);
      GossipMessage m = node.next(WAIT);
      assertThat(new String(m.data(), StandardCharsets.UTF_8)).isEqualTo("genuine");
      Poll.until(() -> node.net.gossip().meshPeers(TOPIC).join().contains(jsId) ? null : true, WAIT);
    }
  }

  @Test
  void muxerIsNegotiatedByMultistreamSelectWhenWeOmitTheNoiseExtension() throws Exception {
    PrivateKey key = PrivateKey.generate(KeyType.SECP256K1);
    try (JsPeer js = JsPeer.start("ed25519", JS_ED25519, true);
        Libp2pNetwork net = Libp2pNetwork.start(HostConfig.builder(key).earlyMuxer(false).build())) {
      PeerId jsId = PeerId.fromString(js.peerId());
      net.dial(Multiaddr.parse(js.listenAddr())).get(10, TimeUnit.SECONDS);
      assertThat(net.ping(jsId).get(10, TimeUnit.SECONDS)).isPositive();
      JsonNode dialed = js.call(Map.of("cmd", "peers"), "peers", WAIT);
      assertThat(dialed.get("peers").toString()).contains(net.localPeerId().toString());
      assertThat(js.call(Map.of("cmd", "ping", "peer", net.localPeerId().toString()), "ping", WAIT).has("rttMs")).isTrue();
    }
  }

  private void joinTopic(Session node, JsPeer js, PeerId jsId) throws Exception {
    js.call(Map.of("cmd", "subscribe", "topic", TOPIC), "subscribed", WAIT);
    Poll.until(() -> node.net.gossip().topicPeers(TOPIC).join().contains(jsId) ? true : null, WAIT);
    Poll.until(() -> subscribers(js).contains(node.net.localPeerId().toString()) ? true : null, WAIT);
  }

  private void exercise(Session node, JsPeer js, PeerId jsId) throws Exception {
    String javaId = node.net.localPeerId().toString();
    // identify, both ways: each side sees the other's key and protocols
    PeerInfo info = Poll.until(() -> node.net.identify().info(jsId).orElse(null), WAIT);
    assertThat(HexFormat.of().formatHex(info.publicKey().toProtobuf())).isEqualTo(js.publicKeyHex());
    assertThat(info.protocols()).contains("/ipfs/ping/1.0.0", "/meshsub/1.1.0", "/ipfs/id/1.0.0");
    JsonNode jsSees = js.await("identify", e -> e.get("peerId").asText().equals(javaId), WAIT);
    assertThat(jsSees.get("publicKeyHex").asText())
        .isEqualTo(HexFormat.of().formatHex(node.key.publicKey().toProtobuf()));
    assertThat(jsSees.get("protocols").toString()).contains("/meshsub/1.1.0", "/ipfs/ping/1.0.0", "/ipfs/id/1.0.0");

    // ping, both ways
    assertThat(node.net.ping(jsId).get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(js.call(Map.of("cmd", "ping", "peer", javaId), "ping", WAIT).get("rttMs").asDouble()).isGreaterThanOrEqualTo(0);

    // gossip, both ways, signatures checked on both sides
    joinTopic(node, js, jsId);
    assertThat(node.topic.publish("hello from java".getBytes(StandardCharsets.UTF_8)).get()).isEqualTo(1);
    JsonNode got = js.await("message", e -> "hello from java".equals(e.path("text").asText()), WAIT);
    assertThat(got.get("from").asText()).isEqualTo(javaId);

    JsonNode pub = js.call(Map.of("cmd", "publish", "topic", TOPIC, "data", "hello from js"), "published", WAIT);
    assertThat(pub.get("recipients").toString()).contains(javaId);
    GossipMessage m = node.next(WAIT);
    assertThat(new String(m.data(), StandardCharsets.UTF_8)).isEqualTo("hello from js");
    assertThat(m.origin()).isEqualTo(jsId);
  }

  static String subscribers(JsPeer js) {
    try {
      return js.call(Map.of("cmd", "peers", "topic", TOPIC), "peers", WAIT).get("subscribers").toString();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A Java network subscribed to the test topic; accepted messages are queued. */
  static final class Session implements AutoCloseable {
    final PrivateKey key;
    final Libp2pNetwork net;
    final io.gridchain.p2p.Topic topic;
    final BlockingQueue<GossipMessage> received = new LinkedBlockingQueue<>();

    Session(KeyType type) throws InterruptedException {
      this(PrivateKey.generate(type), m -> ValidationResult.ACCEPT);
    }

    Session(PrivateKey key, java.util.function.Function<GossipMessage, ValidationResult> verdict) throws InterruptedException {
      this.key = key;
      this.net = Libp2pNetwork.start(HostConfig.builder(key).build());
      this.topic = net.subscribe(TOPIC, m -> {
        ValidationResult r = verdict.apply(m);
        if (r == ValidationResult.ACCEPT) {
          received.add(m);
        }
        return r;
      });
    }

    GossipMessage next(Duration timeout) throws InterruptedException {
      GossipMessage m = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(m).as("a gossip message within " + timeout).isNotNull();
      return m;
    }

    @Override
    public void close() {
      net.close();
    }
  }

}
