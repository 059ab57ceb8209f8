package io.gridchain.testnet.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NetnsLayoutTest {
    @Test
    void theSameDirectoryGivesTheSameTagSoItsLeftoversAreFound() {
        NetnsLayout a = NetnsLayout.forDirectory(Path.of("/tmp/tn"), 4, Set.of());
        NetnsLayout b = NetnsLayout.forDirectory(Path.of("/tmp/../tmp/tn"), 4, Set.of());
        NetnsLayout other = NetnsLayout.forDirectory(Path.of("/tmp/tn2"), 4, Set.of());
        assertThat(b.tag()).isEqualTo(a.tag());
        assertThat(other.tag()).isNotEqualTo(a.tag());
    }

    @Test
    void aSubnetAnotherTestnetHoldsIsSkipped() {
        NetnsLayout first = NetnsLayout.forDirectory(Path.of("/tmp/tn"), 4, Set.of());
        NetnsLayout next = NetnsLayout.forDirectory(Path.of("/tmp/tn"), 4, Set.of(first.subnet()));
        assertThat(next.subnet()).isNotEqualTo(first.subnet()).isBetween(1, 254);
        Set<Integer> all = new HashSet<>(IntStream.rangeClosed(1, 254).boxed().toList());
        assertThatThrownBy(() -> NetnsLayout.forDirectory(Path.of("/tmp/tn"), 4, all)).hasMessageContaining("in use");
    }

    /** Linux refuses interface names over 15 characters (IFNAMSIZ 16 with the NUL). */
    @Test
    void interfaceNamesFitLinuxsLimitForTheLargestTestnet() {
        NetnsLayout layout = new NetnsLayout("abcdef", 254, 200);
        assertThat(layout.hostVeth(199)).hasSizeLessThanOrEqualTo(15);
        assertThat(layout.bridge()).hasSizeLessThanOrEqualTo(15);
        assertThat(layout.address(199)).isEqualTo("10.77.254.201");
        assertThat(layout.bridgeAddress()).isEqualTo("10.77.254.1");
        assertThat(layout.namespace(3)).isEqualTo("gc-abcdef-3");
        assertThatThrownBy(() -> layout.address(200)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
