package io.gridchain.core.governance;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The governance nonce (approvals are for one nonce) and the approved actions waiting for their height. */
public final class GovernanceState {
    private static final StateMap<String, Long> NONCE = new StateMap<>("governance",
            k -> k.getBytes(java.nio.charset.StandardCharsets.US_ASCII), new StateCodec<>() {
                @Override
                public byte[] encode(Long v) {
                    return Rlp.list(Rlp.uint(v));
                }

                @Override
                public Long decode(byte[] bytes) {
                    return RlpReader.ofList(bytes).uint64("governance nonce");
                }
            });
    private static final StateMap<Long, List<GovernanceAction>> PENDING = new StateMap<>("governance-pending",
            h -> ByteBuffer.allocate(8).putLong(h).array(), new StateCodec<>() {
                @Override
                public byte[] encode(List<GovernanceAction> actions) {
                    List<byte[]> items = new ArrayList<>();
                    actions.forEach(a -> items.add(Rlp.bytes(a.encode())));
                    return Rlp.list(items);
                }

                @Override
                public List<GovernanceAction> decode(byte[] bytes) {
                    RlpReader r = RlpReader.ofList(bytes);
                    List<GovernanceAction> out = new ArrayList<>();
                    while (r.hasNext()) {
                        out.add(GovernanceAction.decode(r.bytes()));
                    }
                    return out;
                }
            });

    private GovernanceState() {}

    public static long nonce(StateReader state) {
        return NONCE.get(state, "nonce").orElse(0L);
    }

    static void advanceNonce(StateOverlay state) {
        NONCE.put(state, "nonce", nonce(state) + 1);
    }

    public static List<GovernanceAction> pendingAt(StateReader state, long height) {
        return PENDING.get(state, height).orElse(List.of());
    }

    static void schedule(StateOverlay state, long height, GovernanceAction action) {
        List<GovernanceAction> actions = new ArrayList<>(pendingAt(state, height));
        actions.add(action);
        PENDING.put(state, height, actions);
    }

    static void clear(StateOverlay state, long height) {
        PENDING.delete(state, height);
    }
}
