package io.gridchain.node.bft;

import io.gridchain.consensus.Input;
import io.gridchain.consensus.wal.WalFormat;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The WAL's bytes in memory, in the file's format, kept across the simulation's crashes the way a
 * disk keeps a synced file. {@code legacyCut} brings back the defect of issue #14 for the checker to
 * catch: inputs applied in the same step as StartHeight (the messages held for the height) are not
 * logged, as when the engine applied its own buffer of them.
 */
final class MemoryConsensusLog implements ConsensusLog {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final java.util.List<byte[]> blocks = new java.util.ArrayList<>();
    private final boolean legacyCut;
    private final LongSupplier step;
    private long startHeightStep = -1;
    java.util.function.Consumer<Input> trace;

    MemoryConsensusLog(boolean legacyCut, LongSupplier step) {
        this.legacyCut = legacyCut;
        this.step = step;
    }

    @Override
    public List<Input> open() {
        return WalFormat.read(bytes.toByteArray()).inputs();
    }

    @Override
    public void append(Input input) {
        if (input instanceof Input.StartHeight) {
            startHeightStep = step.getAsLong();
        } else if (legacyCut && step.getAsLong() == startHeightStep) {
            return;
        }
        if (trace != null) {
            trace.accept(input);
        }
        bytes.writeBytes(WalFormat.entry(input));
    }

    @Override
    public void keepBlock(byte[] encodedBlock) {
        blocks.add(encodedBlock.clone());
    }

    @Override
    public List<byte[]> keptBlocks() {
        return List.copyOf(blocks);
    }

    @Override
    public void reset() {
        bytes.reset();
        blocks.clear();
    }

    @Override
    public void close() {}
}
