package io.gridchain.capacity;

import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.DecodingHandler;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import java.util.function.Function;

/** Binds one kind's name, strict decoder and rule into a transaction handler. */
final class CapacityHandler<P extends TxPayload> extends DecodingHandler<P> {
    interface Rule<P> {
        TxOutcome apply(StateOverlay state, TxContext ctx, P payload);
    }

    private final Rule<P> rule;

    CapacityHandler(String kind, Function<byte[], P> decoder, Rule<P> rule) {
        super(kind, decoder);
        this.rule = rule;
    }

    @Override
    public TxOutcome apply(StateOverlay state, TxContext ctx, P payload) {
        try {
            return rule.apply(state, ctx, payload);
        } catch (ArithmeticException e) {
            return TxOutcome.rejected(CapacityRejections.AMOUNT_OVERFLOW, kind() + ": an amount would overflow");
        }
    }
}
