package io.gridchain.wallet;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A node API stand-in on 127.0.0.1: answers canned contract JSON per "METHOD path?query". */
final class StubNode implements AutoCloseable {
    record Answer(int status, String contentType, String body) {}

    record Received(String method, String pathAndQuery, String body) {}

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    StubNode() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), target, body));
            Deque<Answer> queue = answers.get(exchange.getRequestMethod() + " " + target);
            Answer a = queue == null || queue.isEmpty() ? new Answer(404, "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no route " + target + "\"}")
                    : queue.size() > 1 ? queue.poll() : queue.peek();
            byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    /** Answers in turn; the last one repeats. */
    StubNode on(String methodAndPath, Answer... inTurn) {
        answers.put(methodAndPath, new ArrayDeque<>(List.of(inTurn)));
        return this;
    }

    static Answer json(int status, String body) {
        return new Answer(status, "application/json", body);
    }

    static Answer problem(int status, String type, String title, String detail) {
        return new Answer(status, "application/problem+json", """
                {"type":"%s","title":"%s","status":%d,"detail":"%s"}""".formatted(type, title, status, detail));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
