package io.gridchain.core.params;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;

/**
 * The chain parameters that governance may change. They live in the state, so every node reads the
 * same values at the same height.
 */
public record ChainParams(long targetBlockTimeMillis, int maxBlockBytes, int maxTransactionBytes, long minFee) {
    public static final ChainParams DEFAULTS = new ChainParams(1000, 4 * 1024 * 1024, 64 * 1024, 1000);

    private static final StateMap<String, ChainParams> STATE = new StateMap<>("params",
            name -> name.getBytes(java.nio.charset.StandardCharsets.US_ASCII), new StateCodec<>() {
                @Override
                public byte[] encode(ChainParams p) {
                    return p.encode();
                }

                @Override
                public ChainParams decode(byte[] bytes) {
                    return ChainParams.decode(bytes);
                }
            });

    public ChainParams {
        if (targetBlockTimeMillis <= 0 || maxBlockBytes <= 0 || maxTransactionBytes <= 0 || minFee < 0) {
            throw new IllegalArgumentException("chain parameters must be positive (minFee may be zero)");
        }
        if (maxTransactionBytes > maxBlockBytes) {
            throw new IllegalArgumentException("maxTransactionBytes exceeds maxBlockBytes");
        }
    }

    public static ChainParams read(StateReader state) {
        return STATE.get(state, "chain").orElseThrow(() -> new IllegalStateException("no chain parameters in state"));
    }

    public void write(StateOverlay state) {
        STATE.put(state, "chain", this);
    }

    public byte[] encode() {
        return Rlp.list(Rlp.uint(targetBlockTimeMillis), Rlp.uint(maxBlockBytes), Rlp.uint(maxTransactionBytes),
                Rlp.uint(minFee));
    }

    public static ChainParams decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        ChainParams p = new ChainParams(r.uint64("targetBlockTime"), r.uint32("maxBlockBytes"),
                r.uint32("maxTransactionBytes"), r.uint64("minFee"));
        r.finish("chain parameters");
        return p;
    }
}
