package io.gridchain.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateOverlayTest {
    /** Committed state that lists the reads that reached it, by kind. */
    private static final class Recording implements StateReader {
        final List<String> reads = new ArrayList<>();

        @Override
        public Optional<byte[]> get(Bytes key) {
            reads.add("get " + text(key));
            return Optional.of(new byte[] {1});
        }

        @Override
        public Optional<byte[]> getToAddTo(Bytes key) {
            reads.add("add " + text(key));
            return Optional.of(new byte[] {1});
        }
    }

    private static Bytes key(String s) {
        return Bytes.of(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String text(Bytes key) {
        return new String(key.toArray(), StandardCharsets.US_ASCII);
    }

    @Test
    void aValueOnlyAddedToIsNotAReadUntilSomethingReadsIt() {
        Recording committed = new Recording();
        StateOverlay block = new StateOverlay(committed);
        StateOverlay tx = block.child();
        assertThat(tx.getToAddTo(key("fees"))).contains(new byte[] {1});
        tx.put(key("fees"), new byte[] {2});
        tx.mergeIntoParent();
        assertThat(committed.reads).containsExactly("add fees");

        // a later transaction decides on that value: the read must reach the committed state, once
        StateOverlay next = block.child();
        assertThat(next.get(key("fees"))).contains(new byte[] {2});
        assertThat(next.get(key("fees"))).contains(new byte[] {2});
        assertThat(committed.reads).containsExactly("add fees", "get fees");
    }

    @Test
    void aValueReadBeforeIsNotReportedAgainWhenAddedTo() {
        Recording committed = new Recording();
        StateOverlay overlay = new StateOverlay(committed);
        overlay.get(key("a"));
        overlay.put(key("a"), new byte[] {5});
        assertThat(overlay.getToAddTo(key("a"))).contains(new byte[] {5});
        assertThat(overlay.get(key("a"))).contains(new byte[] {5});
        assertThat(committed.reads).containsExactly("get a");
    }

    @Test
    void withoutAnOverrideAddingToIsAnOrdinaryRead() {
        StateReader plain = key -> Optional.of(new byte[] {7});
        assertThat(plain.getToAddTo(key("x"))).contains(new byte[] {7});
    }
}
