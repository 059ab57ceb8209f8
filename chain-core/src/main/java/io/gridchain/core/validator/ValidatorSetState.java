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

    public static ValidatorSet read(StateReader state) {
        return STATE.get(state, "current").orElseThrow(() -> new IllegalStateException("no validator set in state"));
    }

    public static void write(StateOverlay state, ValidatorSet set) {
        STATE.put(state, "current", set);
    }
}
