package io.gridchain.p2p.mss;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.p2p.fuzz.Chunks;
import io.gridchain.p2p.wire.LengthPrefixedReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * multistream-select as a listener and as a dialer, fed a remote's bytes in reads of any size. The
 * negotiation ends Pending, Selected (a protocol we support or proposed, with the bytes after it
 * handed over intact) or Failed with a reason; it never throws, and everything it sends is a
 * well-formed multistream message of at most 1025 bytes.
 */
@Tag("fuzz")
class MultistreamFuzzTest {
    private static final Set<String> SUPPORTED = Set.of("/noise", "/yamux/1.0.0", "/ipfs/id/1.0.0");

    static Stream<byte[]> seeds() {
        return Stream.of(
                Chunks.withChunkSize(256, concat(msg("/multistream/1.0.0"), msg("/noise"), new byte[] {0, 32, 1, 2})),
                Chunks.withChunkSize(1, concat(msg("/multistream/1.0.0"), msg("ls"), msg("/tls/1.0.0"), msg("/yamux/1.0.0"))),
                Chunks.withChunkSize(7, concat(msg("/multistream/1.0.0"), msg("na"), msg("/yamux/1.0.0"))));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void negotiatesOrFailsWithAReason(byte[] input) {
        run(MultistreamSelect.listener(SUPPORTED::contains, ByteBufAllocator.DEFAULT), input, SUPPORTED);
        MultistreamSelect dialer = MultistreamSelect.dialer(List.of("/noise", "/yamux/1.0.0"), ByteBufAllocator.DEFAULT);
        dialer.start(ByteBufAllocator.DEFAULT).release();
        run(dialer, input, Set.of("/noise", "/yamux/1.0.0"));
    }

    private static void run(MultistreamSelect mss, byte[] input, Set<String> acceptable) {
        List<ByteBuf> sent = new ArrayList<>();
        MultistreamSelect.Outcome outcome = new MultistreamSelect.Pending();
        List<ByteBuf> chunks = Chunks.of(input);
        int fed = 0;
        int next = 0;
        while (next < chunks.size() && outcome instanceof MultistreamSelect.Pending) {
            ByteBuf chunk = chunks.get(next++);
            fed += chunk.readableBytes();
            outcome = mss.onData(chunk, sent::add); // takes ownership of the chunk
        }
        if (outcome instanceof MultistreamSelect.Pending) {
            mss.abandon();
        }
        chunks.subList(next, chunks.size()).forEach(ByteBuf::release);
        if (outcome instanceof MultistreamSelect.Selected selected) {
            assertThat(acceptable).contains(selected.protocol());
            if (selected.remainder() != null) {
                byte[] stream = Chunks.stream(input);
                byte[] rest = new byte[selected.remainder().readableBytes()];
                selected.remainder().readBytes(rest);
                selected.remainder().release();
                assertThat(rest).isEqualTo(java.util.Arrays.copyOfRange(stream, fed - rest.length, fed));
            }
        } else if (outcome instanceof MultistreamSelect.Failed failed) {
            assertThat(failed.reason()).isNotBlank();
        }
        for (ByteBuf reply : sent) {
            wellFormed(reply);
        }
    }

    private static void wellFormed(ByteBuf reply) {
        LengthPrefixedReader reader = new LengthPrefixedReader(ByteBufAllocator.DEFAULT, MultistreamSelect.MAX_NAME + 1);
        reader.add(reply);
        LengthPrefixedReader.Result r = reader.next();
        assertThat(r).isInstanceOf(LengthPrefixedReader.Message.class);
        ByteBuf body = ((LengthPrefixedReader.Message) r).body();
        assertThat(body.getByte(body.writerIndex() - 1)).isEqualTo((byte) '\n');
        body.release();
        assertThat(reader.buffered()).isZero();
        reader.release();
    }

    private static byte[] msg(String text) {
        ByteBuf b = MultistreamSelect.message(text);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        b.release();
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuf b = Unpooled.buffer();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }
}
