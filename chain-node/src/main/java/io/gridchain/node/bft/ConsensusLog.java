package io.gridchain.node.bft;

import io.gridchain.consensus.Input;
import java.util.List;

/**
 * The consensus inputs of the current height, durable: an input is appended, and the append returns
 * only once it would survive a crash, before the engine sees it; replaying what {@link #open} returns
 * rebuilds the engine exactly, with the blocks it had. A node keeps it in files ({@link WriteAheadLog}).
 */
public interface ConsensusLog extends AutoCloseable {
    /** What the last run logged, after repairing a torn tail. */
    List<Input> open();

    void append(Input input);

    /**
     * Keeps the encoded block of a proposal the engine takes in (or of our own), durably, before the
     * input that names it is appended: after a crash, a validator locked on a value must still hold
     * its block to propose it again or to check it, since a validator that is the only one left
     * with the block cannot count on anyone re-sending it.
     */
    void keepBlock(byte[] encodedBlock);

    /** The blocks kept for the height the log holds, as {@link #open} found them. */
    List<byte[]> keptBlocks();

    /** Starts over for a new height. */
    void reset();

    @Override
    void close();
}
