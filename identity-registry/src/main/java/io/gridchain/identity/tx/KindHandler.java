package io.gridchain.identity.tx;

import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import java.util.function.Function;

/** One transaction kind of this module: a kind name, its strict decoder and its rule. */
final class KindHandler<P extends TxPayload> implements TransactionHandler<P> {
    interface Rule<P> {
        TxOutcome apply(Ledger ledger, P payload);
    }

    private final String kind;
    private final Function<byte[], P> decoder;
    private final Rule<P> rule;

    KindHandler(String kind, Function<byte[], P> decoder, Rule<P> rule) {
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
            return rule.apply(new Ledger(state, ctx), payload);
        } catch (Refused refused) {
            return refused.toOutcome();
        }
    }
}
