package io.gridchain.core.exec;

import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import java.util.List;

/** Work a module does at the end of every block, after its transactions (e.g. lease settlement). */
public interface BlockHook {
    List<Event> endBlock(StateOverlay state, BlockInfo block);
}
