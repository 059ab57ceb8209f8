package io.gridchain.capacity;

import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import java.util.function.Function;

/** Binds one kind's name, strict decoder and rule into a {@link TransactionHandler}. */
final class CapacityHandler<P extends TxPayload> implements TransactionHandler<P> {
    interface Rule<P> {
        TxOutcome apply(StateOverlay state, TxContext ctx, P payload);
    }

    private final String kind;
    private final Function<byte[], P> decoder;
    private final Rule<P> rule;

    CapacityHandler(String kind, Function<byte[], P> decoder, Rule<P> rule) {
        this.kind = kind;
        this.decoder = decoder;
        this.rule = rule;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public P decode(byte[] payload) {
        return decoder.apply(payload);
    }

    @Override
    public TxOutcome apply(StateOverlay state, TxContext ctx, P payload) {
        try {
            return rule.apply(state, ctx, payload);
        } catch (ArithmeticException e) {
            return TxOutcome.rejected(CapacityRejections.AMOUNT_OVERFLOW, kind + ": an amount would overflow");
        }
    }
}
