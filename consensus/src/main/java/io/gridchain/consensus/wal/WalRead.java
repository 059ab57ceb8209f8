package io.gridchain.consensus.wal;

import io.gridchain.consensus.Input;
import java.util.List;

/**
 * The inputs read back from a log, and how the log ended. A torn tail (the last entry cut short or
 * failing its checksum, as a crash in the middle of an append leaves it) is tolerated: the inputs
 * before it are replayed and the tail is dropped. Corruption with intact entries after it is not
 * a crash artefact; the node must stop and let an operator look.
 */
public record WalRead(List<Input> inputs, End end) {
    public WalRead {
        inputs = List.copyOf(inputs);
    }

    public sealed interface End {}

    /** The log ended on an entry boundary. */
    public record Clean() implements End {}

    /** The last entry, starting at {@code offset}, was incomplete; {@code droppedBytes} were ignored. */
    public record TruncatedTail(long offset, long droppedBytes) implements End {}

    /** The entry at {@code offset} is damaged and more data follows it. */
    public record CorruptEntry(long offset, String reason) implements End {}
}
