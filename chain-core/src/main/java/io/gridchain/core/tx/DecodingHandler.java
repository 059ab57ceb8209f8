package io.gridchain.core.tx;

import java.util.function.Function;

/**
 * The part every handler shares: a kind name and its strict payload decoder. Subclasses add only the
 * rule, and how their module turns a broken rule into a rejection.
 */
public abstract class DecodingHandler<P extends TxPayload> implements TransactionHandler<P> {
    private final String kind;
    private final Function<byte[], P> decoder;

    protected DecodingHandler(String kind, Function<byte[], P> decoder) {
        this.kind = kind;
        this.decoder = decoder;
    }

    @Override
    public final String kind() {
        return kind;
    }

    @Override
    public final P decode(byte[] payload) {
        return decoder.apply(payload);
    }
}
