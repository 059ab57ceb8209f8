package io.gridchain.p2p.mss;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.gridchain.p2p.wire.Varint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The negotiation itself, dialer against listener, byte by byte as it would cross the wire. */
class MultistreamSelectTest {
  final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

  @Test
  void dialerFallsBackToTheNextProposalAfterNa() {
    MultistreamSelect dialer = MultistreamSelect.dialer(List.of("/meshsub/1.2.0", "/meshsub/1.1.0"), alloc);
    MultistreamSelect listener = MultistreamSelect.listener(Set.of("/meshsub/1.1.0")::contains, alloc);
    List<ByteBuf> toListener = new ArrayList<>();
    List<ByteBuf> toDialer = new ArrayList<>();
    toListener.add(dialer.start(alloc));
    toDialer.add(listener.start(alloc));
    MultistreamSelect.Outcome d = null;
    MultistreamSelect.Outcome l = null;
    for (int round = 0; round < 4; round++) {
      ByteBuf a = drain(toListener);
      if (a.isReadable()) {
        l = listener.onData(a, toDialer::add);
      } else {
        a.release();
      }
      ByteBuf b = drain(toDialer);
      if (b.isReadable()) {
        d = dialer.onData(b, toListener::add);
      } else {
        b.release();
      }
    }
    assertThat(l).isInstanceOf(MultistreamSelect.Selected.class);
    assertThat(((MultistreamSelect.Selected) d).protocol()).isEqualTo("/meshsub/1.1.0");
  }

  @Test
  void bytesAfterTheAgreementAreHandedOn() {
    MultistreamSelect listener = MultistreamSelect.listener("/ipfs/ping/1.0.0"::equals, alloc);
    ByteBuf in = Unpooled.buffer();
    MultistreamSelect.writeMessage(in, MultistreamSelect.PROTOCOL);
    MultistreamSelect.writeMessage(in, "/ipfs/ping/1.0.0");
    in.writeBytes("PAYLOAD".getBytes(StandardCharsets.UTF_8));
    MultistreamSelect.Selected s = (MultistreamSelect.Selected) listener.onData(in, b -> b.release());
    assertThat(s.remainder().toString(StandardCharsets.UTF_8)).isEqualTo("PAYLOAD");
    s.remainder().release();
  }

  @Test
  void dialerFailsWhenNothingIsSupported() {
    MultistreamSelect dialer = MultistreamSelect.dialer(List.of("/a"), alloc);
    dialer.start(alloc).release();
    ByteBuf in = Unpooled.buffer();
    MultistreamSelect.writeMessage(in, MultistreamSelect.PROTOCOL);
    MultistreamSelect.writeMessage(in, "na");
    assertThat(dialer.onData(in, b -> b.release())).isEqualTo(new MultistreamSelect.Failed("remote supports none of [/a]"));
  }

  @Test
  void garbageAndOversizedNamesFail() {
    MultistreamSelect l1 = MultistreamSelect.listener(p -> true, alloc);
    ByteBuf garbage = Unpooled.wrappedBuffer("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(l1.onData(garbage, b -> b.release())).isInstanceOf(MultistreamSelect.Failed.class);

    MultistreamSelect l2 = MultistreamSelect.listener(p -> true, alloc);
    ByteBuf huge = Unpooled.buffer();
    Varint.write(huge, 5000);
    assertThat(l2.onData(huge, b -> b.release())).isInstanceOf(MultistreamSelect.Failed.class);

    MultistreamSelect l3 = MultistreamSelect.listener(p -> true, alloc);
    ByteBuf noNewline = Unpooled.buffer();
    Varint.write(noNewline, 3);
    noNewline.writeBytes("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(l3.onData(noNewline, b -> b.release()))
        .isEqualTo(new MultistreamSelect.Failed("multistream message lacks its trailing newline"));
  }

  @Test
  void aNameOf1024BytesIsAccepted() {
    String name = "/" + "x".repeat(1023);
    MultistreamSelect listener = MultistreamSelect.listener(name::equals, alloc);
    ByteBuf in = Unpooled.buffer();
    MultistreamSelect.writeMessage(in, MultistreamSelect.PROTOCOL);
    MultistreamSelect.writeMessage(in, name);
    MultistreamSelect.Outcome o = listener.onData(in, b -> b.release());
    assertThat(o).isInstanceOf(MultistreamSelect.Selected.class);
    ((MultistreamSelect.Selected) o).remainder().release();
  }

  private static ByteBuf drain(List<ByteBuf> q) {
    ByteBuf all = Unpooled.buffer();
    q.forEach(b -> {
      all.writeBytes(b);
      b.release();
    });
    q.clear();
    return all;
  }
}
