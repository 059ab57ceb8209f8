package io.gridchain.p2p.yamux;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import io.gridchain.p2p.crypto.PublicKey;
import io.gridchain.p2p.fuzz.Chunks;
import io.gridchain.p2p.multiaddr.Multiaddr;
import io.gridchain.p2p.stream.Connection;
import io.gridchain.p2p.stream.MuxedStream;
import io.gridchain.p2p.stream.StreamBinder;
import io.gridchain.p2p.stream.StreamHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A yamux session (the listener side) receiving a remote's frames in reads of any size. Whatever
 * arrives, the session either keeps the connection with at most its stream limit open, or closes
 * it (with a GoAway on a protocol error); no exception reaches the pipeline, and every frame header
 * it sends is a version-0 header of a known type.
 */
@Tag("fuzz")
class YamuxSessionFuzzTest {
    /** Small limits, so that inputs of a few KiB reach them. */
    private static final YamuxConfig CONFIG = new YamuxConfig(YamuxFrame.INITIAL_WINDOW, 4, 1024, 64 * 1024, Duration.ofSeconds(30));
    private static final PrivateKey REMOTE = PrivateKey.generate(KeyType.ED25519);

    static {
        // every refused input logs why at WARN: a line per run would cost more than the run
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(YamuxSession.class))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    static Stream<byte[]> seeds() {
        ByteBuf open = Unpooled.buffer();
        YamuxFrame.write(open, YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, 1, 0);
        YamuxFrame.write(open, YamuxFrame.DATA, 0, 1, 5);
        open.writeBytes("hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        YamuxFrame.write(open, YamuxFrame.PING, YamuxFrame.SYN, 0, 7);
        YamuxFrame.write(open, YamuxFrame.DATA, YamuxFrame.FIN, 1, 0);
        YamuxFrame.write(open, YamuxFrame.WINDOW_UPDATE, YamuxFrame.SYN, 3, 1000);
        YamuxFrame.write(open, YamuxFrame.DATA, YamuxFrame.RST, 3, 0);
        YamuxFrame.write(open, YamuxFrame.GO_AWAY, 0, 0, 0);
        byte[] frames = new byte[open.readableBytes()];
        open.readBytes(frames);
        return Stream.of(Chunks.withChunkSize(256, frames), Chunks.withChunkSize(5, frames));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void keepsOrClosesTheConnectionWithoutThrowing(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel();
        YamuxSession session = new YamuxSession(false, CONFIG, new FakeConnection(channel), stream -> {
            if (stream.id() % 4 == 1) {
                stream.setHandler(new Echo()); // others stay unbound and buffer up to maxUnboundBytes
            }
        });
        List<Throwable> caught = new java.util.ArrayList<>();
        channel.pipeline().addLast(session, new io.netty.channel.ChannelInboundHandlerAdapter() {
            @Override
            public void exceptionCaught(io.netty.channel.ChannelHandlerContext ctx, Throwable cause) {
                caught.add(cause); // the host's ConnectionSetup would log it and close
            }
        });
        try {
            for (ByteBuf chunk : Chunks.of(input)) {
                if (!channel.isActive()) {
                    chunk.release();
                    continue;
                }
                channel.writeInbound(chunk);
                channel.runPendingTasks();
                assertThat(session.openStreams()).isLessThanOrEqualTo(CONFIG.maxInboundStreams());
            }
            channel.checkException();
            // Writes of frames queued before a close fail on the closed channel; nothing else may surface.
            assertThat(caught).allSatisfy(e -> assertThat(e).isInstanceOf(java.nio.channels.ClosedChannelException.class));
            if (!caught.isEmpty()) {
                assertThat(channel.isActive()).isFalse();
            }
            ByteBuf sent = Unpooled.buffer();
            for (Object out = channel.readOutbound(); out != null; out = channel.readOutbound()) {
                sent.writeBytes((ByteBuf) out);
                ((ByteBuf) out).release();
            }
            // what we sent is a sequence of frames: a header, then for data frames its payload
            while (sent.readableBytes() >= YamuxFrame.HEADER) {
                YamuxFrame f = YamuxFrame.peek(sent);
                assertThat(f).as("version-0 header at offset %d", sent.readerIndex()).isNotNull();
                assertThat(f.type()).isBetween(YamuxFrame.DATA, YamuxFrame.GO_AWAY);
                sent.skipBytes(YamuxFrame.HEADER);
                if (f.type() == YamuxFrame.DATA) {
                    assertThat(f.length()).isLessThanOrEqualTo(sent.readableBytes());
                    sent.skipBytes((int) f.length());
                }
            }
            assertThat(sent.readableBytes()).as("bytes after the last whole frame").isZero();
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Writes back what it reads and closes its side when the remote does. */
    private static final class Echo implements StreamHandler {
        @Override
        public void onData(MuxedStream stream, ByteBuf data) {
            ((YamuxStream) stream).write(data);
        }

        @Override
        public void onRemoteClose(MuxedStream stream) {
            ((YamuxStream) stream).closeWrite();
        }
    }

    private static final class FakeConnection implements Connection {
        private final EmbeddedChannel channel;

        FakeConnection(EmbeddedChannel channel) {
            this.channel = channel;
        }

        @Override
        public PeerId remotePeer() {
            return PeerId.fromPublicKey(REMOTE.publicKey());
        }

        @Override
        public PublicKey remoteKey() {
            return REMOTE.publicKey();
        }

        @Override
        public Multiaddr remoteAddress() {
            return Multiaddr.parse("/ip4/127.0.0.1/tcp/1");
        }

        @Override
        public Multiaddr localAddress() {
            return Multiaddr.parse("/ip4/127.0.0.1/tcp/2");
        }

        @Override
        public boolean isOutbound() {
            return false;
        }

        @Override
        public boolean isOpen() {
            return channel.isActive();
        }

        @Override
        public <H extends StreamHandler> CompletableFuture<H> openStream(List<String> protocols, StreamBinder<H> binder) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not in this test"));
        }

        @Override
        public void close(String reason) {
            channel.close();
        }
    }
}
