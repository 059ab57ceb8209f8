package io.gridchain.p2p.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.p2p.fuzz.Chunks;
import io.gridchain.p2p.identify.IdentifyMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The framing of request/response streams (and of multistream and gossip): varint-length-prefixed
 * messages read by {@link LengthPrefixedReader} from reads of any size. The reader cuts out exactly
 * the messages a reference parser finds, reports a length over the limit before buffering its body,
 * and a varint over 9 bytes or not minimally encoded as malformed; it never throws. Each message body is then read as an
 * identify message (the request/response protocol every peer answers), which decodes to a value
 * whose encoding decodes to the same encoding, or is refused with {@link IllegalArgumentException}.
 */
@Tag("fuzz")
class RequestResponseFramingFuzzTest {
    private static final int MAX = 2048;

    static Stream<byte[]> seeds() {
        IdentifyMessage id = new IdentifyMessage("ipfs/0.1.0", "gridchain/0.1", new byte[36], List.of(new byte[] {4, 127, 0, 0, 1}),
                new byte[] {4, 127, 0, 0, 1}, List.of("/ipfs/id/1.0.0", "/meshsub/1.1.0"));
        ByteBuf b = Unpooled.buffer();
        byte[] body = id.encode();
        Varint.write(b, body.length);
        b.writeBytes(body);
        Varint.write(b, 0);
        Varint.write(b, 3);
        b.writeBytes(new byte[] {1, 2, 3});
        byte[] stream = new byte[b.readableBytes()];
        b.readBytes(stream);
        return Stream.of(Chunks.withChunkSize(256, stream), Chunks.withChunkSize(3, stream),
                Chunks.withChunkSize(1, new byte[] {(byte) 0x80, (byte) 0x80, 0x01}));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void cutsOutExactlyTheFramedMessages(byte[] input) {
        LengthPrefixedReader reader = new LengthPrefixedReader(ByteBufAllocator.DEFAULT, MAX);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        LengthPrefixedReader.Result last = null;
        List<ByteBuf> chunks = Chunks.of(input);
        int next = 0;
        try {
            reading:
            while (next < chunks.size()) {
                reader.add(chunks.get(next++));
                while (true) {
                    last = reader.next();
                    if (last instanceof LengthPrefixedReader.Message m) {
                        byte[] body = new byte[m.body().readableBytes()];
                        m.body().readBytes(body).release();
                        got.writeBytes(frame(body));
                        identify(body);
                    } else if (last instanceof LengthPrefixedReader.NeedMore) {
                        break;
                    } else {
                        break reading;
                    }
                }
            }
        } finally {
            reader.release();
            chunks.subList(next, chunks.size()).forEach(ByteBuf::release);
        }
        Reference ref = Reference.parse(Chunks.stream(input));
        assertThat(got.toByteArray()).isEqualTo(ref.framed);
        if (last instanceof LengthPrefixedReader.TooLarge tooLarge) {
            assertThat(ref.end).isEqualTo("too large");
            assertThat(tooLarge.length()).isGreaterThan(MAX);
        } else if (last instanceof LengthPrefixedReader.Malformed) {
            assertThat(ref.end).isEqualTo("malformed");
        } else {
            assertThat(ref.end).isEqualTo("need more");
        }
    }

    private static void identify(byte[] body) {
        IdentifyMessage m;
        try {
            m = IdentifyMessage.decode(body);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        byte[] encoded = m.encode();
        assertThat(IdentifyMessage.decode(encoded).encode()).isEqualTo(encoded);
    }

    private static byte[] frame(byte[] body) {
        ByteBuf b = Unpooled.buffer();
        Varint.write(b, body.length);
        b.writeBytes(body);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    /** A plain reading of the whole stream at once. */
    private record Reference(byte[] framed, String end) {
        static Reference parse(byte[] s) {
            int pos = 0;
            while (true) {
                long len = 0;
                int i = 0;
                boolean done = false;
                for (; i < 9 && pos + i < s.length; i++) {
                    len |= (long) (s[pos + i] & 0x7F) << (7 * i);
                    if ((s[pos + i] & 0x80) == 0) {
                        done = true;
                        break;
                    }
                }
                if (done && i > 0 && s[pos + i] == 0) {
                    return new Reference(java.util.Arrays.copyOf(s, pos), "malformed"); // not minimal
                }
                if (!done) {
                    return new Reference(java.util.Arrays.copyOf(s, pos), i == 9 ? "malformed" : "need more");
                }
                if (len > MAX) {
                    return new Reference(java.util.Arrays.copyOf(s, pos), "too large");
                }
                int start = pos + i + 1;
                if (s.length - start < len) {
                    return new Reference(java.util.Arrays.copyOf(s, pos), "need more");
                }
                pos = start + (int) len;
            }
        }
    }
}
