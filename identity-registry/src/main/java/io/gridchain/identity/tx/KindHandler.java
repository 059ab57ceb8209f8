package io.gridchain.identity.tx;

import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.DecodingHandler;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import java.util.function.Function;

/** One transaction kind of this module: a kind name, its strict decoder and its rule. */
final class KindHandler<P extends TxPayload> extends DecodingHandler<P> {
    interface Rule<P> {
        TxOutcome apply(Ledger ledger, P payload);
    }

    private final Rule<P> rule;

    KindHandler(String kind, Function<byte[], P> decoder, Rule<P> rule) {
        super(kind, decoder);
        this.rule = rule;
    }

    @Override
    public TxOutcome apply(StateOverlay state, TxContext ctx, P payload) {
        try {
            return rule.apply(new Ledger(state, ctx), payload);
        } catch (Refused refused) {
            return refused.toOutcome();
        }
    }
}
