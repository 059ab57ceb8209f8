package io.gridchain.p2p.bench;

import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.host.HostConfig;
import io.gridchain.p2p.host.Libp2pNetwork;
import io.gridchain.p2p.interop.JsPeer;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback benchmark, Java and js-libp2p in one run: one stream's throughput over Noise + yamux
 * (MB/s) and gossip messages per second delivered to 3 subscribers. Prints each round and the
 * median. Run: ./mvnw -B -q -pl p2p test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.gridchain.p2p.bench.P2PBenchmark [-Dexec.args="rounds mb msgs"]
 */
public final class P2PBenchmark {
  static final String SINK = "/bench/sink/1.0.0";
  static final int WINDOW = 1000;
  // Both sides warm up for at least this long (and at least the rounds they always did): two
  // 128 MiB rounds took half a second, while the JIT compilers still took ~40% of the 2 cores.
  static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(5);

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int mb = args.length > 1 ? Integer.parseInt(args[1]) : 128;
    int msgs = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    System.out.printf("p2p benchmark: %d rounds, %d MiB per throughput round, %d gossip messages of 256 B per round%n", rounds, mb, msgs);
    if (args.length > 3 && args[3].equals("java-gossip")) {
      System.out.printf("java median %.0f msg/s%n", javaGossip(rounds, msgs));
      System.exit(0);
    }
    if (args.length > 3 && args[3].equals("java-throughput")) {
      System.out.printf("java median %.1f MB/s%n", javaThroughput(rounds, mb));
      System.exit(0);
    }
    double javaTp = javaThroughput(rounds, mb);
    double jsTp = js("throughput", "--rounds", "" + rounds, "--mb", "" + mb);
    double javaGossip = javaGossip(rounds, msgs);
    double jsGossip = js("gossip", "--rounds", "" + rounds, "--msgs", "" + msgs, "--size", "256");
    System.out.printf("%nRESULT stream throughput (MB/s, median): Java %.1f  js %.1f  ratio %.2fx%n", javaTp, jsTp, javaTp / jsTp);
    System.out.printf("RESULT gossip to 3 subscribers (msg/s, median): Java %.0f  js %.0f  ratio %.2fx%n", javaGossip, jsGossip, javaGossip / jsGossip);
    System.exit(0);
  }

  // ---- Java: one stream ----

  static double javaThroughput(int rounds, int mb) throws Exception {
    try (Libp2pNetwork server = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build());
        Libp2pNetwork client = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.SECP256K1)).build())) {
      server.host().protocols().register(SINK, (s, p) -> new Sink());
      client.dial(server.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
      Connection c = client.host().connection(server.localPeerId()).orElseThrow();
      long warmStart = System.nanoTime(); // warm-up as on the js side: two rounds and 5 s
      for (int i = 0; i < 2 || System.nanoTime() - warmStart < WARMUP_NANOS; i++) {
        oneStream(c, mb);
      }
      List<Double> results = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        double r = oneStream(c, mb);
        System.out.printf("java throughput ROUND %.1f MB/s%n", r);
        results.add(r);
      }
      return median(results);
    }
  }

  static double oneStream(Connection c, int mb) throws Exception {
    ByteBuf chunk = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(new byte[1 << 20]));
    long start = System.nanoTime();
    Ack ack = c.openStream(List.of(SINK), (s, p) -> new Ack(s)).get(10, TimeUnit.SECONDS);
    ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    for (int i = 0; i < mb; i++) {
      inFlight.add(ack.stream.write(chunk.duplicate()));
      if (inFlight.size() >= 8) {
        inFlight.poll().get(30, TimeUnit.SECONDS);
      }
    }
    ack.stream.closeWrite();
    ack.done.get(60, TimeUnit.SECONDS);
    double secs = (System.nanoTime() - start) / 1e9;
    return mb / secs;
  }

  /** Counts bytes; on the sender's half-close answers one byte and closes. */
  static final class Sink implements StreamHandler {
    long n;

    @Override
    public void onData(MuxedStream s, ByteBuf data) {
      n += data.readableBytes();
      data.release();
    }

    @Override
    public void onRemoteClose(MuxedStream s) {
      s.write(Unpooled.wrappedBuffer(new byte[] {1}));
      s.closeWrite();
    }
  }

  static final class Ack implements StreamHandler {
    final MuxedStream stream;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    Ack(MuxedStream stream) {
      this.stream = stream;
    }

    @Override
    public void onData(MuxedStream s, ByteBuf data) {
      data.release();
      done.complete(null);
    }
  }

  // ---- Java: gossip ----

  /** Ed25519 keys, js-libp2p's default, so both sides sign and verify the same kind of signature. */
  static double javaGossip(int rounds, int msgs) throws Exception {
    List<Libp2pNetwork> nodes = new ArrayList<>();
    try {
      Libp2pNetwork pub = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.ED25519)).build());
      nodes.add(pub);
      Topic topic = pub.subscribe("bench", m -> ValidationResult.ACCEPT);
      List<AtomicInteger> counts = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Libp2pNetwork sub = Libp2pNetwork.start(HostConfig.builder(PrivateKey.generate(KeyType.ED25519)).build());
        nodes.add(sub);
        AtomicInteger count = new AtomicInteger();
        counts.add(count);
        sub.subscribe("bench", m -> {
          count.incrementAndGet();
          return ValidationResult.ACCEPT;
        });
        sub.dial(pub.listenAddresses().get(0)).get(10, TimeUnit.SECONDS);
      }
      while (pub.gossip().meshPeers("bench").get().size() < 3) {
        Thread.sleep(50);
      }
      long warmStart = System.nanoTime(); // warm-up as on the js side: one round and 5 s
      do {
        gossipRound(topic, counts, msgs);
      } while (System.nanoTime() - warmStart < WARMUP_NANOS);
      List<Double> results = new ArrayList<>();
      for (int round = 0; round < rounds; round++) {
        double r = gossipRound(topic, counts, msgs);
        System.out.printf("java gossip ROUND %.0f msg/s%n", r);
        results.add(r);
      }
      return median(results);
    } finally {
      nodes.forEach(Libp2pNetwork::close);
    }
  }

  static double gossipRound(Topic topic, List<AtomicInteger> counts, int msgs) throws Exception {
    counts.forEach(c -> c.set(0));
    long start = System.nanoTime();
    List<CompletableFuture<Integer>> pending = new ArrayList<>();
    for (int i = 0; i < msgs; i++) {
      byte[] data = new byte[256];
      java.nio.ByteBuffer.wrap(data).putLong(System.nanoTime()).putInt(i);
      pending.add(topic.publish(data));
      if (pending.size() >= 100) {
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        pending.clear();
      }
      // at most WINDOW messages ahead of the slowest subscriber, as in bench.mjs
      while (i - counts.stream().mapToInt(AtomicInteger::get).min().orElse(0) > WINDOW && System.nanoTime() - start < 30e9) {
        Thread.sleep(1);
      }
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (counts.stream().anyMatch(c -> c.get() < msgs) && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    double rate = msgs / ((System.nanoTime() - start) / 1e9);
    System.out.printf("java gossip delivered %s%n", counts);
    return rate;
  }

  // ---- js ----

  static double js(String... args) throws Exception {
    java.io.File dir = JsPeer.installOnce();
    List<String> cmd = new ArrayList<>(List.of("node", "bench.mjs"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir)
        .redirectErrorStream(true).start();
    double median = Double.NaN;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("ROUND")) {
          System.out.println("js " + args[0] + " " + line);
        } else if (line.startsWith("MEDIAN")) {
          median = Double.parseDouble(line.substring(7).trim());
        }
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    return median;
  }

  static double median(List<Double> xs) {
    List<Double> sorted = new ArrayList<>(xs);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

}
