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
 *
 * <p>{@code maxClockDriftMillis} bounds block time: an honest validator prevotes nil on a proposal
 * whose time is later than its own clock plus this drift. It assumes the validators' clocks are kept
 * within that of true time (NTP keeps them within milliseconds); a validator whose clock is behind by
 * more refuses honest proposals until it is corrected, and one whose clock is ahead proposes blocks
 * the others refuse, so its rounds fail and the next proposer's succeed. Encoded only when it differs
 * from the default, so chains made before it keep their genesis hash.
 */
public record ChainParams(long targetBlockTimeMillis, int maxBlockBytes, int maxTransactionBytes, long minFee,
                          long maxClockDriftMillis) {
    public static final long DEFAULT_MAX_CLOCK_DRIFT_MILLIS = 2_000;
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

    public ChainParams(long targetBlockTimeMillis, int maxBlockBytes, int maxTransactionBytes, long minFee) {
        this(targetBlockTimeMillis, maxBlockBytes, maxTransactionBytes, minFee, DEFAULT_MAX_CLOCK_DRIFT_MILLIS);
    }

    public ChainParams {
        if (targetBlockTimeMillis <= 0 || maxBlockBytes <= 0 || maxTransactionBytes <= 0 || minFee < 0
                || maxClockDriftMillis <= 0) {
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
        if (maxClockDriftMillis == DEFAULT_MAX_CLOCK_DRIFT_MILLIS) {
            return Rlp.list(Rlp.uint(targetBlockTimeMillis), Rlp.uint(maxBlockBytes), Rlp.uint(maxTransactionBytes),
                    Rlp.uint(minFee));
        }
        return Rlp.list(Rlp.uint(targetBlockTimeMillis), Rlp.uint(maxBlockBytes), Rlp.uint(maxTransactionBytes),
                Rlp.uint(minFee), Rlp.uint(maxClockDriftMillis));
    }

    public static ChainParams decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        long blockTime = r.uint64("targetBlockTime");
        int maxBlock = r.uint32("maxBlockBytes");
        int maxTx = r.uint32("maxTransactionBytes");
        long minFee = r.uint64("minFee");
        long drift = r.hasNext() ? r.uint64("maxClockDrift") : DEFAULT_MAX_CLOCK_DRIFT_MILLIS;
        ChainParams p = new ChainParams(blockTime, maxBlock, maxTx, minFee, drift);
        r.finish("chain parameters");
        return p;
    }
}
