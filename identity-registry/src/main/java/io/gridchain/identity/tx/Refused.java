package io.gridchain.identity.tx;

import io.gridchain.core.tx.TxOutcome;

/**
 * A rule failed inside a handler. Thrown only between the ledger helpers and {@link KindHandler},
 * which turns it into {@link TxOutcome#rejected}: it never leaves a handler, so callers see a value.
 */
final class Refused extends RuntimeException {
    private final String code;

    Refused(String code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    TxOutcome toOutcome() {
        return TxOutcome.rejected(code, getMessage());
    }
}
