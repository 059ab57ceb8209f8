package io.gridchain.p2p.multiaddr;

import io.gridchain.p2p.PeerId;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Codes and value encodings from the multicodec table. */
public enum MultiaddrProtocol {
  IP4(4, "ip4", 4),
  TCP(6, "tcp", 2),
  IP6(41, "ip6", 16),
  DNS(53, "dns", -1),
  DNS4(54, "dns4", -1),
  DNS6(55, "dns6", -1),
  P2P(421, "p2p", -1);

  private static final int MAX_VALUE = 255;
  private final int code;
  private final String text;
  private final int fixedSize;

  MultiaddrProtocol(int code, String text, int fixedSize) {
    this.code = code;
    this.text = text;
    this.fixedSize = fixedSize;
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }

  static Optional<MultiaddrProtocol> byName(String name) {
    String n = name.equals("ipfs") ? "p2p" : name;
    return Arrays.stream(values()).filter(p -> p.text.equals(n)).findFirst();
  }

  static Optional<MultiaddrProtocol> byCode(long code) {
    return Arrays.stream(values()).filter(p -> p.code == code).findFirst();
  }

  byte[] toBytes(String value) {
    return switch (this) {
      case IP4, IP6 -> {
        if (this == IP4 && !value.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
          throw new IllegalArgumentException("not a dotted-quad IPv4 address: " + value);
        }
        byte[] b = ipBytes(value);
        if (b.length != fixedSize) {
          throw new IllegalArgumentException("not an /" + text + " address: " + value);
        }
        yield b;
      }
      case TCP -> {
        int port;
        try {
          port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("bad tcp port: " + value);
        }
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("tcp port out of range: " + value);
        }
        yield new byte[] {(byte) (port >> 8), (byte) port};
      }
      case DNS, DNS4, DNS6 -> {
        if (value.isEmpty() || value.length() > MAX_VALUE) {
          throw new IllegalArgumentException("bad dns name");
        }
        yield value.getBytes(StandardCharsets.UTF_8);
      }
      case P2P -> PeerId.fromString(value).toBytes();
    };
  }

  String canonical(String value) {
    return switch (this) {
      case IP4, IP6 -> fromBytes(ipBytes(value));
      case TCP -> Integer.toString(Integer.parseInt(value));
      default -> value;
    };
  }

  private String fromBytes(byte[] b) {
    return switch (this) {
      case IP4, IP6 -> {
        try {
          String s = InetAddress.getByAddress(b).getHostAddress();
          yield this == IP6 ? compressIpv6(b, s) : s;
        } catch (UnknownHostException e) {
          throw new IllegalArgumentException(e);
        }
      }
      case TCP -> Integer.toString(((b[0] & 0xff) << 8) | (b[1] & 0xff));
      case DNS, DNS4, DNS6 -> new String(b, StandardCharsets.UTF_8);
      case P2P -> PeerId.fromBytes(b).toString();
    };
  }

  /** Java prints 0:0:0:0:0:0:0:1; multiaddr text uses the RFC 5952 short form ::1. */
  private static String compressIpv6(byte[] b, String javaForm) {
    if (b.length != 16) {
      return javaForm; // an IPv4-mapped address comes back as 4 bytes
    }
    int[] g = new int[8];
    for (int i = 0; i < 8; i++) {
      g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[i]));
    }
    return sb.toString();
  }

  void writeValue(ByteArrayOutputStream out, String value) {
    byte[] b = toBytes(value);
    if (fixedSize < 0) {
      writeVarint(out, b.length);
    }
    out.writeBytes(b);
  }

  String readValue(byte[] bytes, int[] pos) {
    int len = fixedSize >= 0 ? fixedSize : (int) readVarint(bytes, pos);
    if (len < 0 || len > MAX_VALUE || pos[0] + len > bytes.length) {
      throw new IllegalArgumentException("truncated /" + text + " value");
    }
    byte[] v = Arrays.copyOfRange(bytes, pos[0], pos[0] + len);
    pos[0] += len;
    return fromBytes(v);
  }

  /** Literal IP only: a multiaddr never triggers a DNS lookup while parsing. */
  static byte[] ipBytes(String ip) {
    if (!ip.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }
    try {
      return InetAddress.getByName(ip).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + ip);
    }
  }

  static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  static long readVarint(byte[] b, int[] pos) {
    long result = 0;
    for (int shift = 0; shift < 63; shift += 7) {
      if (pos[0] >= b.length) {
        throw new IllegalArgumentException("truncated varint");
      }
      int x = b[pos[0]++] & 0xff;
      result |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("varint too long");
  }
}
