package io.gridchain.identity;

import io.gridchain.core.exec.BlockHook;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.identity.tx.IdentityHandlers;
import java.util.List;

/**
 * What the node wires in: the handlers of every identity and organization transaction kind, and the
 * end-of-block hook that carries out owner rotations whose delay has passed.
 */
public final class IdentityRegistry {
    private IdentityRegistry() {}

    public static List<TransactionHandler<?>> handlers() {
        return IdentityHandlers.all();
    }

    public static List<BlockHook> blockHooks() {
        return List.of(new RotationHook());
    }

    /** Registers every handler of this module. */
    public static TransactionKinds registerAll(TransactionKinds kinds) {
        handlers().forEach(kinds::register);
        return kinds;
    }
}
