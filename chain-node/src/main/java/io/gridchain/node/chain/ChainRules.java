package io.gridchain.node.chain;

import io.gridchain.core.account.TransferHandler;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.governance.GovernanceHandler;
import io.gridchain.core.governance.GovernanceHook;
import io.gridchain.core.exec.TransactionExecutor;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.node.bft.EvidenceHandler;
import java.util.List;

/** The transaction kinds and end-of-block hooks of a Gridchain network: the same on every node. */
public final class ChainRules {
    private ChainRules() {}

    public static BlockExecutor standard() {
        TransactionKinds kinds = new TransactionKinds().register(new TransferHandler()).register(new GovernanceHandler())
                .register(new EvidenceHandler());
        return new BlockExecutor(new TransactionExecutor(kinds), List.of(new GovernanceHook()));
    }
}
