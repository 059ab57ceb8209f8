package io.gridchain.p2p.noise;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.p2p.fuzz.Chunks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The two Noise decoders that read what a remote sends. First input byte even: the handshake
 * payload (protobuf identity key, signature, muxer list) either decodes to a payload that encodes
 * and decodes to the same fields or is refused with {@link IllegalArgumentException}. Odd: the
 * transport decoder, fed u16-framed ciphertext in reads of any size, passes on exactly the plaintext
 * of the frames that authenticate, in order, and stops at the first that does not with a
 * {@link DecoderException} naming why, never another exception.
 */
@Tag("fuzz")
class NoiseFuzzTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    static Stream<byte[]> seeds() {
        NoisePayload payload = new NoisePayload(new byte[36], new byte[64], List.of("/yamux/1.0.0"));
        NoiseCipherState sender = new NoiseCipherState(KEY);
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (String text : List.of("first frame", "", "second frame, a little longer")) {
            byte[] sealed = sender.encrypt(null, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            frames.write(sealed.length >> 8);
            frames.write(sealed.length);
            frames.writeBytes(sealed);
        }
        byte[] transport = frames.toByteArray();
        return Stream.of(concat(new byte[] {0}, payload.encode()), concat(new byte[] {1, 9}, transport),
                concat(new byte[] {1, 0}, transport));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void decodesWhatAuthenticatesAndRefusesTheRest(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        if ((input[0] & 1) == 0) {
            handshakePayload(rest);
        } else {
            transport(rest);
        }
    }

    private static void handshakePayload(byte[] data) {
        NoisePayload payload;
        try {
            payload = NoisePayload.decode(data);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        NoisePayload again = NoisePayload.decode(payload.encode());
        assertThat(again.identityKey()).isEqualTo(payload.identityKey());
        assertThat(again.identitySig()).isEqualTo(payload.identitySig());
        assertThat(again.streamMuxers()).isEqualTo(payload.streamMuxers());
    }

    private static void transport(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new NoiseTransportDecoder(new NoiseCipherState(KEY)));
        NoiseCipherState reference = new NoiseCipherState(KEY);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        boolean refused = false;
        try {
            for (ByteBuf chunk : Chunks.of(input)) {
                if (refused) {
                    chunk.release();
                    continue;
                }
                try {
                    channel.writeInbound(chunk);
                } catch (DecoderException e) {
                    assertThat(e.getMessage()).containsAnyOf("shorter than its tag", "fails authentication");
                    refused = true;
                }
            }
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            for (ByteBuf b = channel.readInbound(); b != null; b = channel.readInbound()) {
                byte[] out = new byte[b.readableBytes()];
                b.readBytes(out);
                b.release();
                plain.writeBytes(out);
            }
            // what a correct reader makes of the same stream
            byte[] stream = Chunks.stream(input);
            for (int pos = 0; pos + 2 <= stream.length; ) {
                int len = ((stream[pos] & 0xFF) << 8) | (stream[pos + 1] & 0xFF);
                if (pos + 2 + len > stream.length || len < NoiseCipherState.TAG) {
                    break;
                }
                byte[] out = new byte[len - NoiseCipherState.TAG];
                if (reference.decrypt(null, stream, pos + 2, len, out, 0) < 0) {
                    break;
                }
                expected.writeBytes(out);
                pos += 2 + len;
            }
            assertThat(plain.toByteArray()).isEqualTo(expected.toByteArray());
        } finally {
            try {
                channel.finishAndReleaseAll();
            } catch (DecoderException e) {
                // closing decodes what is left once more: a refused frame is refused again, for the same reason
                assertThat(refused).isTrue();
                assertThat(e.getMessage()).containsAnyOf("shorter than its tag", "fails authentication");
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
