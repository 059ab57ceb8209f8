package io.gridchain.p2p.mss;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.gridchain.p2p.wire.LengthPrefixedReader;
import io.gridchain.p2p.wire.Varint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * multistream-select 1.0 as a state machine over bytes, the same for a raw connection and a
 * yamux stream. The dialer pipelines the header with its first proposal and falls back to the
 * next one on "na"; the listener echoes a supported name or answers "na".
 */
public final class MultistreamSelect {
  public static final String PROTOCOL = "/multistream/1.0.0";
  /** Protocol names are at most 1024 bytes; a message also carries its trailing newline. */
  public static final int MAX_NAME = 1024;
  private static final int MAX_ATTEMPTS = 64;
  private static final String NA = "na";

  /** What feeding bytes produced. */
  public sealed interface Outcome {}

  public record Pending() implements Outcome {}

  /** remainder: bytes that arrived after the negotiation; the caller owns them. */
  public record Selected(String protocol, ByteBuf remainder) implements Outcome {}

  public record Failed(String reason) implements Outcome {}

  private static final Pending PENDING = new Pending();
  private final boolean dialer;
  private final List<String> proposals;
  private final Predicate<String> supported;
  private final LengthPrefixedReader reader;
  private boolean headerSeen;
  private int index;
  private int attempts;

  private MultistreamSelect(boolean dialer, List<String> proposals, Predicate<String> supported, ByteBufAllocator alloc) {
    this.dialer = dialer;
    this.proposals = List.copyOf(proposals);
    this.supported = supported;
    // Until the header is in, nothing longer than the header may come: garbage fails at once.
    this.reader = new LengthPrefixedReader(alloc, PROTOCOL.length() + 1);
  }

  public static MultistreamSelect dialer(List<String> proposals, ByteBufAllocator alloc) {
    if (proposals.isEmpty()) {
      throw new IllegalArgumentException("nothing to propose");
    }
    return new MultistreamSelect(true, proposals, p -> false, alloc);
  }

  public static MultistreamSelect listener(Predicate<String> supported, ByteBufAllocator alloc) {
    return new MultistreamSelect(false, List.of(), supported, alloc);
  }

  /** The bytes to send first: the header, and for a dialer its first proposal (pipelined). */
  public ByteBuf start(ByteBufAllocator alloc) {
    ByteBuf out = alloc.buffer();
    writeMessage(out, PROTOCOL);
    if (dialer) {
      writeMessage(out, proposals.get(0));
    }
    return out;
  }

  /** Takes ownership of data; replies go to send. After Selected or Failed, stop feeding. */
  public Outcome onData(ByteBuf data, Consumer<ByteBuf> send) {
    reader.add(data);
    while (true) {
      LengthPrefixedReader.Result r = reader.next();
      if (r instanceof LengthPrefixedReader.NeedMore) {
        return PENDING;
      }
      if (!(r instanceof LengthPrefixedReader.Message m)) {
        reader.release();
        return new Failed(headerSeen ? "multistream message malformed or longer than " + (MAX_NAME + 1) + " bytes"
            : "not multistream-select: the first message is not " + PROTOCOL);
      }
      String text = decode(m.body());
      Outcome o = text == null ? new Failed("multistream message lacks its trailing newline") : step(text, send);
      if (o instanceof Selected s) {
        ByteBuf rest = reader.takeRemainder();
        reader.release();
        return new Selected(s.protocol(), rest);
      }
      if (o instanceof Failed) {
        reader.release();
        return o;
      }
    }
  }

  /** Drops buffered bytes when the transport goes away mid-negotiation. */
  public void abandon() {
    reader.release();
  }

  private Outcome step(String msg, Consumer<ByteBuf> send) {
    if (!headerSeen) {
      if (!msg.equals(PROTOCOL)) {
        return new Failed("expected " + PROTOCOL + ", got '" + printable(msg) + "'");
      }
      headerSeen = true;
      reader.maxLength(MAX_NAME + 1);
      return PENDING;
    }
    if (++attempts > MAX_ATTEMPTS) {
      return new Failed("too many proposals");
    }
    return dialer ? dialerStep(msg, send) : listenerStep(msg, send);
  }

  private Outcome dialerStep(String msg, Consumer<ByteBuf> send) {
    if (msg.equals(proposals.get(index))) {
      return new Selected(msg, null);
    }
    if (!msg.equals(NA)) {
      return new Failed("unexpected answer '" + printable(msg) + "' to " + proposals.get(index));
    }
    if (++index >= proposals.size()) {
      return new Failed("remote supports none of " + proposals);
    }
    send.accept(message(proposals.get(index)));
    return PENDING;
  }

  private Outcome listenerStep(String msg, Consumer<ByteBuf> send) {
    if (!msg.equals("ls") && supported.test(msg)) {
      send.accept(message(msg));
      return new Selected(msg, null);
    }
    send.accept(message(NA));
    return PENDING;
  }

  private static String decode(ByteBuf body) {
    try {
      int n = body.readableBytes();
      if (n == 0 || body.getByte(body.readerIndex() + n - 1) != '\n') {
        return null;
      }
      return body.toString(body.readerIndex(), n - 1, StandardCharsets.UTF_8);
    } finally {
      body.release();
    }
  }

  private static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
    return cut.replaceAll("[^\\x20-\\x7e]", "?");
  }

  public static ByteBuf message(String text) {
    ByteBuf out = io.netty.buffer.Unpooled.buffer();
    writeMessage(out, text);
    return out;
  }

  static void writeMessage(ByteBuf out, String text) {
    byte[] b = (text + "\n").getBytes(StandardCharsets.UTF_8);
    if (b.length > MAX_NAME + 1) {
      throw new IllegalArgumentException("protocol name longer than " + MAX_NAME + " bytes");
    }
    Varint.write(out, b.length);
    out.writeBytes(b);
  }
}
