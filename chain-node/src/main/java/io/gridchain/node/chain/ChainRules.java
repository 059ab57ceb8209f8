package io.gridchain.node.chain;

import io.gridchain.capacity.CapacityRegistry;
import io.gridchain.core.account.TransferHandler;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.exec.BlockHook;
import io.gridchain.core.exec.TransactionExecutor;
import io.gridchain.core.governance.GovernanceHandler;
import io.gridchain.core.governance.GovernanceHook;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.identity.IdentityRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * The transaction kinds and end-of-block hooks of a Gridchain network: the same on every node.
 * Hook order is part of the rules: identity rotations, then lease settlement, then governance (whose
 * changes must be the last word on the state the next height starts from).
 */
public final class ChainRules {
    private ChainRules() {}

    public static BlockExecutor standard() {
        TransactionKinds kinds = new TransactionKinds().register(new TransferHandler()).register(new GovernanceHandler())
                .register(new EvidenceHandler());
        IdentityRegistry.registerAll(kinds);
        CapacityRegistry.register(kinds, new IdentityDirectoryOverRegistry());
        List<BlockHook> hooks = new ArrayList<>(IdentityRegistry.blockHooks());
        hooks.add(CapacityRegistry.blockHook());
        hooks.add(new GovernanceHook());
        return new BlockExecutor(new TransactionExecutor(kinds), hooks);
    }
}
