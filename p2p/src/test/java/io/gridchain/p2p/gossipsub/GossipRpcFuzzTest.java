package io.gridchain.p2p.gossipsub;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One gossipsub RPC (protobuf) as a peer sends it: it decodes within the limits to an RPC whose
 * encoding decodes to the same encoding again (protobuf allows many encodings of one value, ours is
 * the canonical one), or it is refused with an {@link IOException}, never a runtime exception.
 */
@Tag("fuzz")
class GossipRpcFuzzTest {
    /** Small limits, so that inputs of a few KiB reach them. */
    private static final GossipRpc.Limits LIMITS = new GossipRpc.Limits(8, 8, 16);

    static Stream<byte[]> seeds() {
        PubsubMessage m = new PubsubMessage(new byte[] {0, 36, 8, 1}, new byte[] {1, 2, 3}, new byte[8], "blocks",
                new byte[64], new byte[36]);
        GossipRpc full = new GossipRpc(
                new ArrayList<>(List.of(new GossipRpc.Subscription(true, "blocks"), new GossipRpc.Subscription(false, "txs"))),
                new ArrayList<>(List.of(m)),
                new ArrayList<>(List.of(new GossipRpc.IHave("blocks", List.of(new byte[20], new byte[] {1})))),
                new ArrayList<>(List.of(new GossipRpc.IWant(List.of(new byte[20])))),
                new ArrayList<>(List.of("txs")),
                new ArrayList<>(List.of(new GossipRpc.Prune("blocks", 60))));
        return Stream.of(full.encode(), GossipRpc.empty().encode());
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void decodesWithinTheLimitsOrRefuses(byte[] input) {
        GossipRpc rpc;
        try {
            rpc = GossipRpc.decode(input, LIMITS);
        } catch (IOException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(rpc.subscriptions()).hasSizeLessThanOrEqualTo(LIMITS.maxSubscriptions());
        assertThat(rpc.publish()).hasSizeLessThanOrEqualTo(LIMITS.maxMessages());
        byte[] encoded = rpc.encode();
        try {
            assertThat(GossipRpc.decode(encoded, LIMITS).encode()).isEqualTo(encoded);
        } catch (IOException e) {
            throw new AssertionError("our own encoding of a decoded RPC is refused: " + e.getMessage(), e);
        }
    }
}
