package io.gridchain.capacity;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which seconds have leases due, so that settlement finds them without reading every second that
 * passed. The state has no range scans, so the seconds are marked in three levels of 256-bit maps:
 * a map per 256 seconds says which of its seconds hold leases, a map per 65,536 seconds which of its
 * 256-second maps are non-empty, and a map per 2^24 seconds (194 days) which of those are. Finding the
 * due seconds in [from, to] reads one top map per 194 days of the range plus the non-empty maps under
 * it: a block after a day's halt reads a handful of maps, not 86,400 entries, and a jump of 30 years
 * reads 60 top maps. Each map is a fixed 32 bytes, so marking a second rewrites at most three small
 * values.
 */
final class DueCalendar {
    private static final int BITS = 8;
    private static final int WIDTH = 1 << BITS;

    private static final StateCodec<BigInteger> MAP = new StateCodec<>() {
        @Override
        public byte[] encode(BigInteger v) {
            return Rlp.list(Rlp.bytes(v.toByteArray()));
        }

        @Override
        public BigInteger decode(byte[] bytes) {
            return new BigInteger(1, RlpReader.ofList(bytes).bytes());
        }
    };

    /** Level 1: a map per 256 seconds; level 2: per 65,536; level 3: per 2^24. Keyed by (level, second >> 8·level). */
    private static final StateMap<Long, BigInteger> LEVELS = new StateMap<>("capacity.due-map", CapacityStore::u64, MAP);

    private DueCalendar() {}

    private static long key(int level, long index) {
        return ((long) level << 56) | index;
    }

    /** Marks {@code second} as holding leases (idempotent). */
    static void mark(StateOverlay state, long second) {
        long index = second;
        for (int level = 1; level <= 3; level++) {
            long mapIndex = index >>> BITS;
            int bit = (int) (index & (WIDTH - 1));
            BigInteger map = LEVELS.get(state, key(level, mapIndex)).orElse(BigInteger.ZERO);
            if (map.testBit(bit)) {
                return; // set here, so set above too
            }
            LEVELS.put(state, key(level, mapIndex), map.setBit(bit));
            index = mapIndex;
        }
    }

    /** Unmarks {@code second}, and each map above it that this leaves empty. */
    static void clear(StateOverlay state, long second) {
        long index = second;
        for (int level = 1; level <= 3; level++) {
            long mapIndex = index >>> BITS;
            int bit = (int) (index & (WIDTH - 1));
            Optional<BigInteger> map = LEVELS.get(state, key(level, mapIndex));
            if (map.isEmpty() || !map.get().testBit(bit)) {
                return;
            }
            BigInteger left = map.get().clearBit(bit);
            if (left.signum() != 0) {
                LEVELS.put(state, key(level, mapIndex), left);
                return;
            }
            LEVELS.delete(state, key(level, mapIndex));
            index = mapIndex;
        }
    }

    /** The marked seconds in [from, to], ascending. */
    static List<Long> marked(StateReader state, long from, long to) {
        List<Long> out = new ArrayList<>();
        if (from > to || to < 0) {
            return out;
        }
        long lo = Math.max(0, from);
        for (long top = lo >>> (3 * BITS); top <= to >>> (3 * BITS); top++) {
            collect(state, 3, top, lo, to, out);
        }
        return out;
    }

    /** Adds the marked seconds in [from, to] under the map {@code mapIndex} of {@code level}. */
    private static void collect(StateReader state, int level, long mapIndex, long from, long to, List<Long> out) {
        Optional<BigInteger> map = LEVELS.get(state, key(level, mapIndex));
        if (map.isEmpty()) {
            return;
        }
        int shift = (level - 1) * BITS; // how many seconds one bit of this map stands for, as a power of two
        for (int bit = map.get().getLowestSetBit(); bit >= 0 && bit < WIDTH; bit = nextSetBit(map.get(), bit + 1)) {
            long child = (mapIndex << BITS) | bit;
            long first = child << shift;
            long last = first + (1L << shift) - 1;
            if (last < from || first > to) {
                continue;
            }
            if (level == 1) {
                out.add(child);
            } else {
                collect(state, level - 1, child, from, to, out);
            }
        }
    }

    private static int nextSetBit(BigInteger map, int from) {
        for (int bit = from; bit < WIDTH; bit++) {
            if (map.testBit(bit)) {
                return bit;
            }
        }
        return -1;
    }
}
