package io.gridchain.p2p.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A js-libp2p peer process (src/test/js/peer.mjs) driven by JSON lines on stdin; its JSON event
 * lines are collected for assertions. The first use installs the pinned npm packages.
 */
public final class JsPeer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Surefire runs in the module folder, exec:java in the repository root. */
  static final File DIR = (new File("src/test/js").isDirectory() ? new File("src/test/js") : new File("p2p/src/test/js")).getAbsoluteFile();
  private final Process process;
  private final Writer stdin;
  private final List<JsonNode> events = new ArrayList<>();
  private final JsonNode ready;

  private JsPeer(List<String> args) throws IOException {
    installOnce();
    List<String> cmd = new ArrayList<>(List.of("node", "peer.mjs"));
    cmd.addAll(args);
    process = new ProcessBuilder(cmd).directory(DIR).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readLines, "js-peer-stdout");
    reader.setDaemon(true);
    reader.start();
    ready = await("ready", e -> true, Duration.ofSeconds(30));
  }

  /** keyHex: 32 bytes, an Ed25519 seed or a secp256k1 scalar. */
  public static JsPeer start(String keyType, String keyHex, boolean listen) throws IOException {
    List<String> args = new ArrayList<>(List.of("--key-type", keyType, "--key-hex", keyHex));
    if (listen) {
      args.add("--listen");
    }
    return new JsPeer(args);
  }

  public static synchronized File installOnce() throws IOException {
    if (new File(DIR, "node_modules/libp2p/package.json").exists()) {
      return DIR;
    }
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
        .directory(DIR).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
    try {
      if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IOException("npm ci failed in " + DIR);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    return DIR;
  }

  public String peerId() {
    return ready.get("peerId").asText();
  }

  public String listenAddr() {
    return ready.get("addrs").get(0).asText();
  }

  public String publicKeyHex() {
    return ready.get("publicKeyHex").asText();
  }

  public synchronized void send(Map<String, Object> command) throws IOException {
    stdin.write(JSON.writeValueAsString(command) + "\n");
    stdin.flush();
  }

  /** Sends a command and waits for its answer (an event of the given name, or an error). */
  public JsonNode call(Map<String, Object> command, String answer, Duration timeout) throws IOException {
    int before = count();
    send(command);
    JsonNode n = awaitAfter(before, e -> e.get("ev").asText().equals(answer) || e.get("ev").asText().equals("error"), timeout);
    if (n.get("ev").asText().equals("error")) {
      throw new IllegalStateException("js peer: " + n);
    }
    return n;
  }

  public JsonNode await(String event, Predicate<JsonNode> match, Duration timeout) {
    return awaitAfter(0, e -> e.get("ev").asText().equals(event) && match.test(e), timeout);
  }

  public synchronized List<JsonNode> events(String event) {
    return events.stream().filter(e -> e.get("ev").asText().equals(event)).toList();
  }

  private synchronized int count() {
    return events.size();
  }

  private synchronized JsonNode awaitAfter(int from, Predicate<JsonNode> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int i = from;
    while (true) {
      for (; i < events.size(); i++) {
        if (match.test(events.get(i))) {
          return events.get(i);
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || !process.isAlive() && i >= events.size()) {
        throw new AssertionError("js peer: no matching event within " + timeout + "; events: " + events);
      }
      try {
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private void readLines() {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.startsWith("{")) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        synchronized (this) {
          events.add(n);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // process gone
    }
  }

  @Override
  public void close() {
    try {
      send(Map.of("cmd", "stop"));
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException | InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
