package io.gridchain.genesis;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A genesis document as an operator hands it to `gridchain genesis check` or `node start`: any bytes
 * read as a document whose JSON reads back to the same document, or as Invalid with every problem
 * named by its JSON path; reading never throws.
 */
@Tag("fuzz")
class GenesisJsonFuzzTest {
    static Stream<byte[]> seeds() {
        return Stream.of(GenesisFixtures.validJson(), "{}", "{\"chainId\": 1, \"validators\": [{}], \"balances\": 7}")
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void readsADocumentThatWritesBackOrNamesEveryProblem(byte[] input) {
        GenesisDocument.Parsed parsed = GenesisJson.read(input);
        if (parsed instanceof GenesisDocument.Parsed.Invalid invalid) {
            assertThat(invalid.problems()).isNotEmpty();
            assertThat(invalid.describe()).isNotBlank();
            return;
        }
        GenesisDocument doc = ((GenesisDocument.Parsed.Valid) parsed).document();
        String json = doc.toJson();
        GenesisDocument.Parsed again = GenesisDocument.parse(json);
        assertThat(again).isInstanceOf(GenesisDocument.Parsed.Valid.class);
        assertThat(((GenesisDocument.Parsed.Valid) again).document().toJson()).isEqualTo(json);
        assertThat(doc.validate()).isEmpty();
        doc.totalSupply(); // valid documents do not overflow
    }
}
