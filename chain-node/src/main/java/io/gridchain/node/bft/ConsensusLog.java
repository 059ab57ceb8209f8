package io.gridchain.node.bft;

import io.gridchain.consensus.Input;
import java.util.List;

/**
 * The consensus inputs of the current height, durable: an input is appended, and the append returns
 * only once it would survive a crash, before the engine sees it; replaying what {@link #open} returns
 * rebuilds the engine exactly. A node keeps it in a file ({@link WriteAheadLog}).
 */
public interface ConsensusLog extends AutoCloseable {
    /** What the last run logged, after repairing a torn tail. */
    List<Input> open();

    void append(Input input);

    /** Starts over for a new height. */
    void reset();

    @Override
    void close();
}
