package io.gridchain.capacity;

import io.gridchain.capacity.tx.FarmCreate;
import io.gridchain.capacity.tx.LeaseCancel;
import io.gridchain.capacity.tx.LeaseCreate;
import io.gridchain.capacity.tx.LeaseExtend;
import io.gridchain.capacity.tx.LeaseSettle;
import io.gridchain.capacity.tx.LeaseTopUp;
import io.gridchain.capacity.tx.NodeGovernanceRetire;
import io.gridchain.capacity.tx.NodeHeartbeat;
import io.gridchain.capacity.tx.NodeRegister;
import io.gridchain.capacity.tx.NodeSetPrices;
import io.gridchain.capacity.tx.NodeSetStatus;
import io.gridchain.core.exec.BlockHook;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TransactionKinds;
import java.util.List;

/**
 * The module's entry point for the node: its transaction handlers, its end-of-block settlement hook.
 * <pre>{@code
 * TransactionKinds kinds = new TransactionKinds().register(new TransferHandler());
 * CapacityRegistry.handlers(identities).forEach(kinds::register);
 * BlockExecutor blocks = new BlockExecutor(new TransactionExecutor(kinds), List.of(CapacityRegistry.blockHook()));
 * CapacityParams.DEFAULTS.write(genesisOverlay);
 * }</pre>
 */
public final class CapacityRegistry {
    private CapacityRegistry() {}

    public static List<TransactionHandler<?>> handlers(IdentityDirectory identities) {
        Authority authority = new Authority(identities);
        FarmRules farms = new FarmRules(authority);
        NodeRules nodes = new NodeRules(authority);
        LeaseRules leases = new LeaseRules(authority);
        return List.of(
                new CapacityHandler<>(FarmCreate.KIND, FarmCreate::decode, farms::create),
                new CapacityHandler<>(NodeRegister.KIND, NodeRegister::decode, nodes::register),
                new CapacityHandler<>(NodeSetPrices.KIND, NodeSetPrices::decode, nodes::setPrices),
                new CapacityHandler<>(NodeSetStatus.KIND, NodeSetStatus::decode, nodes::setStatus),
                new CapacityHandler<>(NodeHeartbeat.KIND, NodeHeartbeat::decode, nodes::heartbeat),
                new CapacityHandler<>(NodeGovernanceRetire.KIND, NodeGovernanceRetire::decode, nodes::governanceRetire),
                new CapacityHandler<>(LeaseCreate.KIND, LeaseCreate::decode, leases::create),
                new CapacityHandler<>(LeaseTopUp.KIND, LeaseTopUp::decode, leases::topUp),
                new CapacityHandler<>(LeaseExtend.KIND, LeaseExtend::decode, leases::extend),
                new CapacityHandler<>(LeaseCancel.KIND, LeaseCancel::decode, leases::cancel),
                new CapacityHandler<>(LeaseSettle.KIND, LeaseSettle::decode, leases::settle));
    }

    /** Registers every capacity kind in {@code kinds}. */
    public static TransactionKinds register(TransactionKinds kinds, IdentityDirectory identities) {
        handlers(identities).forEach(kinds::register);
        return kinds;
    }

    public static BlockHook blockHook() {
        return new SettlementHook();
    }
}
