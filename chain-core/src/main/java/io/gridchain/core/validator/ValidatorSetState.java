package io.gridchain.core.validator;

import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;

/** The current validator set, kept in the authenticated state so every node derives the same one. */
public final class ValidatorSetState {
    private static final StateMap<String, ValidatorSet> STATE = new StateMap<>("validators",
            name -> name.getBytes(java.nio.charset.StandardCharsets.US_ASCII), new StateCodec<>() {
                @Override
                public byte[] encode(ValidatorSet v) {
                    return v.encode();
                }

                @Override
                public ValidatorSet decode(byte[] bytes) {
                    return ValidatorSet.decode(bytes);
                }
            });

    private ValidatorSetState() {}

    /**
     * The state key of the current set. A block's state root commits under it to the set that signs the
     * next block (its leaf holds {@code keccak(set.encode())}, which is {@link ValidatorSet#hash()}), so a
     * light client learns the next set's hash from a Merkle proof of this key.
     */
    public static io.gridchain.core.bytes.Bytes stateKey() {
        return STATE.key("current");
    }

    public static ValidatorSet read(StateReader state) {
        return STATE.get(state, "current").orElseThrow(() -> new IllegalStateException("no validator set in state"));
    }

    public static void write(StateOverlay state, ValidatorSet set) {
        STATE.put(state, "current", set);
    }
}
