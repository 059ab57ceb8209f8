package io.gridchain.node.chain;

import io.gridchain.core.block.Block;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.state.StateCommitment;
import java.util.List;

/** A block executed against the head but not yet committed, with everything its commit will write. */
public record PreparedBlock(Block block, BlockExecutor.Executed executed, StateCommitment.Commit state,
                           List<BlockExecutor.Dropped> dropped) {}
