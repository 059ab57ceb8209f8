package io.gridchain.testnet.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that sends a request and reads its response, nothing more. The
 * load generator shares the two cores with the node it measures, and {@code java.net.http.HttpClient}
 * spent more CPU per request than the node's introspection did; this client costs a few
 * microseconds, so the figures say what the node can serve. Not a general client: no redirects, no
 * TLS, no pipelining (one request in flight, as a keep-alive client sends them).
 */
final class KeepAliveHttp implements Closeable {
    /** A response body larger than this means the bench is measuring the wrong thing. */
    private static final int MAX_BODY = 1 << 20;

    record Response(int status, String body) {}

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    KeepAliveHttp(URI base) throws IOException {
        this(base, null);
    }

    /** From {@code local} (e.g. 127.0.0.2, another client of a node on 127.0.0.1), or any if null. */
    KeepAliveHttp(URI base, java.net.InetAddress local) throws IOException {
        this.host = base.getHost() + ":" + base.getPort();
        this.socket = new Socket();
        if (local != null) {
            socket.bind(new InetSocketAddress(local, 0));
        }
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
    }

    Response post(String path, String contentType, String body, String authorization) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append("POST ").append(path).append(" HTTP/1.1\r\nHost: ")
                .append(host).append("\r\nContent-Type: ").append(contentType)
                .append("\r\nContent-Length: ").append(content.length).append("\r\n");
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(content);
        out.flush();
        return read();
    }

    Response get(String path) throws IOException {
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return read();
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header line: " + h);
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Integer.parseInt(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body = chunked ? chunkedBody() : fixedBody(length);
        if (close) {
            close();
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    private byte[] fixedBody(int length) throws IOException {
        if (length < 0 || length > MAX_BODY) {
            throw new IOException("a keep-alive response needs a Content-Length up to " + MAX_BODY + ", got " + length);
        }
        return in.readNBytes(length);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = line();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine.trim() : sizeLine.substring(0, semicolon).trim(), 16);
            if (size == 0) {
                while (!line().isEmpty()) {
                    // trailers, unused
                }
                return body.toByteArray();
            }
            if (body.size() + size > MAX_BODY) {
                throw new IOException("response body over " + MAX_BODY + " bytes");
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    /** One CRLF-terminated line, without the CRLF. */
    private String line() throws IOException {
        StringBuilder s = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b == '\n') {
                int n = s.length();
                return n > 0 && s.charAt(n - 1) == '\r' ? s.substring(0, n - 1) : s.toString();
            }
            if (s.length() > 8 * 1024) {
                throw new IOException("header line over 8 KiB");
            }
            s.append((char) b);
        }
    }

    boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
