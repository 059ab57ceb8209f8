package io.gridchain.p2p.multiaddr;

import io.gridchain.p2p.PeerId;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A self-describing address, e.g. {@code /ip4/127.0.0.1/tcp/4001/p2p/16Uiu2…}. Only the parts a
 * TCP libp2p node needs: ip4, ip6, dns, dns4, dns6, tcp, p2p. Immutable.
 */
public final class Multiaddr {
  private static final int MAX_BINARY = 1024;

  /** One protocol component; value is the text form ("127.0.0.1", "4001", a peer id). */
  public record Part(MultiaddrProtocol protocol, String value) {}

  private final List<Part> parts;

  private Multiaddr(List<Part> parts) {
    this.parts = List.copyOf(parts);
  }

  public static Multiaddr tcp(InetAddress address, int port) {
    MultiaddrProtocol ip = address.getAddress().length == 4 ? MultiaddrProtocol.IP4 : MultiaddrProtocol.IP6;
    return new Multiaddr(List.of(new Part(ip, address.getHostAddress()), new Part(MultiaddrProtocol.TCP, Integer.toString(port))));
  }

  /** @throws IllegalArgumentException naming the part that does not parse */
  public static Multiaddr parse(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("multiaddr must start with '/': " + text);
    }
    String[] tokens = text.substring(1).split("/", -1);
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      if (tokens[i].isEmpty() && i == tokens.length - 1) {
        break;
      }
      MultiaddrProtocol p = MultiaddrProtocol.byName(tokens[i])
          .orElseThrow(() -> new IllegalArgumentException("unknown multiaddr protocol in " + text));
      if (i + 1 >= tokens.length) {
        throw new IllegalArgumentException("missing value for /" + p.text() + " in " + text);
      }
      String value = tokens[++i];
      p.toBytes(value); // validates
      parts.add(new Part(p, p.canonical(value)));
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("empty multiaddr");
    }
    return new Multiaddr(parts);
  }

  public static Multiaddr fromBytes(byte[] bytes) {
    if (bytes.length > MAX_BINARY) {
      throw new IllegalArgumentException("multiaddr too long");
    }
    List<Part> parts = new ArrayList<>();
    int[] pos = {0};
    while (pos[0] < bytes.length) {
      long code = MultiaddrProtocol.readVarint(bytes, pos);
      MultiaddrProtocol p = MultiaddrProtocol.byCode(code)
          .orElseThrow(() -> new IllegalArgumentException("unknown multiaddr code " + code));
      parts.add(new Part(p, p.readValue(bytes, pos)));
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("empty multiaddr");
    }
    return new Multiaddr(parts);
  }

  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      MultiaddrProtocol.writeVarint(out, part.protocol().code());
      part.protocol().writeValue(out, part.value());
    }
    return out.toByteArray();
  }

  public List<Part> parts() {
    return parts;
  }

  public Optional<String> valueOf(MultiaddrProtocol protocol) {
    return parts.stream().filter(p -> p.protocol() == protocol).map(Part::value).findFirst();
  }

  public Optional<PeerId> peerId() {
    return valueOf(MultiaddrProtocol.P2P).map(PeerId::fromString);
  }

  /** The same address with /p2p/ removed (the transport part). */
  public Multiaddr withoutPeerId() {
    return new Multiaddr(parts.stream().filter(p -> p.protocol() != MultiaddrProtocol.P2P).toList());
  }

  public Multiaddr withPeerId(PeerId id) {
    List<Part> list = new ArrayList<>(withoutPeerId().parts);
    list.add(new Part(MultiaddrProtocol.P2P, id.toString()));
    return new Multiaddr(list);
  }

  /** Host and port for a TCP dial; empty when this is not a TCP address. */
  public Optional<java.net.InetSocketAddress> toSocketAddress() {
    Optional<String> port = valueOf(MultiaddrProtocol.TCP);
    if (port.isEmpty() || parts.size() < 2) {
      return Optional.empty();
    }
    Part host = parts.get(0);
    int p = Integer.parseInt(port.get());
    return switch (host.protocol()) {
      case IP4, IP6 -> Optional.of(new java.net.InetSocketAddress(literal(host.value()), p));
      case DNS, DNS4, DNS6 -> Optional.of(java.net.InetSocketAddress.createUnresolved(host.value(), p));
      default -> Optional.empty();
    };
  }

  private static InetAddress literal(String ip) {
    try {
      return InetAddress.getByAddress(MultiaddrProtocol.ipBytes(ip));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      sb.append('/').append(p.protocol().text()).append('/').append(p.value());
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Multiaddr m && parts.equals(m.parts);
  }

  @Override
  public int hashCode() {
    return parts.hashCode();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
