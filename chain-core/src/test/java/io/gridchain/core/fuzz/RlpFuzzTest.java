package io.gridchain.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RLP reader's contract: any input either reads as a tree of canonical items that encodes back to
 * exactly the input (so one value has one encoding, and hashes of received bytes are hashes of values),
 * or is refused with an {@link RlpException}. The typed readers (integers, strings) obey the same rule.
 */
@Tag("fuzz")
class RlpFuzzTest {
    /** Inputs beyond this are refused by every caller before RLP is read; bounding keeps runs fast. */
    private static final int MAX_INPUT = 1 << 16;

    static Stream<byte[]> seeds() {
        return Stream.of(
                Rlp.list(),
                Rlp.list(Rlp.uint(0), Rlp.uint(127), Rlp.uint(128), Rlp.uint(Long.MAX_VALUE)),
                Rlp.list(Rlp.string("transfer"), Rlp.bytes(new byte[56]), Rlp.list(Rlp.list(), Rlp.bool(true))),
                Rlp.list(Rlp.bytes(new byte[300]), Rlp.uint(BigInteger.TWO.pow(200))));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void readsCanonicalRlpOrRefusesIt(byte[] input) {
        if (input.length > MAX_INPUT) {
            return;
        }
        List<byte[]> items;
        try {
            items = readList(RlpReader.ofList(input));
        } catch (RlpException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(Rlp.list(items)).as("re-encoding of what was read").isEqualTo(input);
    }

    /** Reads every item of {@code r}, descending into lists, and returns each item re-encoded. */
    private static List<byte[]> readList(RlpReader r) {
        List<byte[]> out = new ArrayList<>();
        while (r.hasNext()) {
            byte[] raw = r.rawItem();
            if ((raw[0] & 0xFF) >= 0xC0) {
                out.add(Rlp.list(readList(RlpReader.ofList(raw))));
            } else {
                out.add(readString(raw));
            }
        }
        r.finish("fuzzed list");
        return out;
    }

    /** A string item through each typed reader: each either agrees with the bytes or refuses. */
    private static byte[] readString(byte[] raw) {
        byte[] value = RlpReader.ofList(Rlp.list(raw)).bytes();
        typed(() -> assertThat(Rlp.uint(RlpReader.ofList(Rlp.list(raw)).uint64("n"))).isEqualTo(raw));
        typed(() -> assertThat(Rlp.uint(RlpReader.ofList(Rlp.list(raw)).bigUint("n", 64))).isEqualTo(raw));
        typed(() -> assertThat(Rlp.string(RlpReader.ofList(Rlp.list(raw)).string())).isEqualTo(raw));
        return Rlp.bytes(value);
    }

    private static void typed(Runnable read) {
        try {
            read.run();
        } catch (RlpException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }
}
