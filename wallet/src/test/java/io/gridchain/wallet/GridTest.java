package io.gridchain.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GridTest {
    @Test
    void parsesAndFormatsAmounts() {
        assertThat(Grid.parse("1.5")).isEqualTo(1_500_000_000L);
        assertThat(Grid.parse(" 2 GRID ")).isEqualTo(2_000_000_000L);
        assertThat(Grid.parse("0.000000001")).isEqualTo(1);
        assertThat(Grid.format(1_500_000_000L)).isEqualTo("1.5 GRID");
        assertThat(Grid.format(1)).isEqualTo("0.000000001 GRID");
        assertThat(Grid.format(0)).isEqualTo("0 GRID");
    }

    @Test
    void refusesWhatIsNotAnExactAmount() {
        assertThatThrownBy(() -> Grid.parse("0.0000000001")).hasMessageContaining("nine decimals");
        assertThatThrownBy(() -> Grid.parse("-1")).hasMessageContaining("not an amount");
        assertThatThrownBy(() -> Grid.parse("1e9")).hasMessageContaining("not an amount");
        assertThatThrownBy(() -> Grid.parse("10000000000")).hasMessage("amount is too large");
    }
}
