package io.gridchain.core.tx;

import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.state.StateOverlay;

/**
 * The rules of one transaction kind. The envelope's rules (chain id, signature, nonce, fee) are
 * checked before {@link #apply} is called; the handler checks its own and, if they fail, returns a
 * rejection — the executor then discards every write it made.
 */
public interface TransactionHandler<P extends TxPayload> {
    String kind();

    /** Strict decoding of the payload bytes; throws {@link RlpException} naming the bad field. */
    P decode(byte[] payload);

    TxOutcome apply(StateOverlay state, TxContext context, P payload);
}
