package io.gridchain.core.account;

import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;

public final class TransferHandler implements TransactionHandler<Transfer> {
    @Override
    public String kind() {
        return Transfer.KIND;
    }

    @Override
    public Transfer decode(byte[] payload) {
        return Transfer.decode(payload);
    }

    @Override
    public TxOutcome apply(StateOverlay state, TxContext ctx, Transfer t) {
        if (t.amount() == 0) {
            return TxOutcome.rejected(Rejection.INVALID_PAYLOAD, "transfer amount must be positive");
        }
        Account from = Account.STATE.get(state, ctx.sender()).orElse(Account.EMPTY);
        if (!from.canPay(t.amount())) {
            return TxOutcome.rejected(Rejection.INSUFFICIENT_BALANCE, "balance " + from.balance()
                    + " does not cover the transfer of " + t.amount() + " after the fee");
        }
        Account.STATE.put(state, ctx.sender(), from.debit(t.amount()));
        Account to = Account.STATE.getToAddTo(state, t.to()).orElse(Account.EMPTY);
        try { // cannot fail while the supply fits in a long (genesis checks it); kept as a guard
            Account.STATE.put(state, t.to(), to.credit(t.amount()));
        } catch (ArithmeticException e) {
            return TxOutcome.rejected(Rejection.INVALID_PAYLOAD, "the recipient's balance would overflow");
        }
        return TxOutcome.applied(Event.of("transfer", "from", ctx.sender().toString(), "to", t.to().toString(),
                "amount", Long.toString(t.amount())));
    }
}
