package io.gridchain.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A command line that does not parse is one line naming what is wrong, with the likely intended name. */
class UsageErrorsTest {
    private static void assertOneLine(CliRun r, String expected) {
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
        assertThat(r.err().strip()).isEqualTo(expected);
    }

    @Test
    void aMisspelledOptionIsNamedWithTheClosestKnownOneEvenWhenARequiredOptionIsMissing() {
        assertOneLine(CliRun.run("wallet", "send", "--from", "0xabc", "--to", "0xdef", "--ammount", "1"),
                "error: unknown option '--ammount'; did you mean '--amount'? (see `gridchain wallet send --help`)");
        assertOneLine(CliRun.run("lease", "top-up", "1", "--ammount=1"),
                "error: unknown option '--ammount'; did you mean '--amount'? (see `gridchain lease top-up --help`)");
    }

    @Test
    void anUnknownOptionFarFromAnyKnownOneIsNamedAlone() {
        assertOneLine(CliRun.run("wallet", "send", "--from", "0xabc", "--to", "0xdef", "--amount", "1", "--zzzzzzzz"),
                "error: unknown option '--zzzzzzzz' (see `gridchain wallet send --help`)");
    }

    @Test
    void aMisspelledCommandIsNamedWithTheClosestOne() {
        assertOneLine(CliRun.run("idnetity", "show", "alice"),
                "error: unknown command 'idnetity'; did you mean 'identity'? (see `gridchain --help`)");
    }

    @Test
    void aMissingRequiredOptionIsOneLine() {
        CliRun r = CliRun.run("wallet", "send", "--from", "0xabc", "--to", "0xdef");
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).startsWith("error: Missing required option: '--amount=<amount>'")
                .contains("gridchain wallet send --help");
    }

    @Test
    void closenessIsATyposDistance() {
        assertThat(UsageErrors.distance("--ammount", "--amount")).isEqualTo(1);
        assertThat(UsageErrors.closest("--ammount", List.of("--from", "--to", "--amount", "--fee"))).contains("--amount");
        assertThat(UsageErrors.closest("--x", List.of("--yes", "--node"))).isEmpty();
    }
}
