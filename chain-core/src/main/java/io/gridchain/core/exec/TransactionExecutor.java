package io.gridchain.core.exec;

import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.tx.TxPayload;
import java.util.Optional;

/**
 * Executes one transaction: the envelope rules every kind shares (chain id, signature, size, fee,
 * nonce, the fee paid to the proposer), then the kind's handler. All writes happen in a child
 * overlay that is merged only when the whole transaction succeeds.
 */
public final class TransactionExecutor {
    private final TransactionKinds kinds;

    public TransactionExecutor(TransactionKinds kinds) {
        this.kinds = kinds;
    }

    public TransactionKinds kinds() {
        return kinds;
    }

    /** Checks that need no state: what a node can refuse before looking anything up. */
    public Optional<Rejection> checkStateless(Transaction tx, long chainId, int maxTransactionBytes) {
        if (tx.chainId() != chainId) {
            return Optional.of(Rejection.of(Rejection.WRONG_CHAIN,
                    "transaction is for chain " + tx.chainId() + ", this is chain " + chainId));
        }
        if (tx.size() > maxTransactionBytes) {
            return Optional.of(Rejection.of(Rejection.TOO_LARGE,
                    "transaction is " + tx.size() + " bytes, the limit is " + maxTransactionBytes));
        }
        Optional<TransactionHandler<?>> handler = kinds.handler(tx.kind());
        if (handler.isEmpty()) {
            return Optional.of(Rejection.of(Rejection.UNKNOWN_KIND, "unknown transaction kind '" + tx.kind()
                    + "'; this chain knows " + kinds.kinds()));
        }
        try {
            tx.decodedPayload(handler.get()::decode);
        } catch (RlpException | IllegalArgumentException e) {
            return Optional.of(Rejection.of(Rejection.MALFORMED, tx.kind() + " payload: " + e.getMessage()));
        }
        if (tx.sender().isEmpty()) {
            return Optional.of(Rejection.of(Rejection.BAD_SIGNATURE, "the signature does not recover to any key"));
        }
        return Optional.empty();
    }

    /** Executes {@code tx} on {@code state}; on rejection {@code state} is unchanged. */
    public TxOutcome execute(StateOverlay state, BlockInfo block, Transaction tx) {
        Optional<Rejection> stateless = checkStateless(tx, block.chainId(), block.params().maxTransactionBytes());
        if (stateless.isPresent()) {
            return new TxOutcome.Rejected(stateless.get());
        }
        Address sender = tx.requireSender();
        Optional<Rejection> envelope = checkEnvelope(state, block, tx, sender);
        if (envelope.isPresent()) {
            return new TxOutcome.Rejected(envelope.get());
        }
        StateOverlay txState = state.child();
        Account payer = Account.STATE.get(txState, sender).orElse(Account.EMPTY);
        Account.STATE.put(txState, sender, payer.debit(tx.fee()).nextNonce());
        Account proposer = Account.STATE.getToAddTo(txState, block.proposer()).orElse(Account.EMPTY);
        Account.STATE.put(txState, block.proposer(), proposer.credit(tx.fee()));
        TxContext ctx = new TxContext(block.chainId(), block.height(), block.timestampMillis(), block.proposer(),
                sender, tx.hash());
        TxOutcome outcome = applyPayload(txState, ctx, tx);
        if (outcome instanceof TxOutcome.Applied) {
            txState.mergeIntoParent();
        }
        return outcome;
    }

    private Optional<Rejection> checkEnvelope(StateReader state, BlockInfo block, Transaction tx, Address sender) {
        if (tx.fee() < block.params().minFee()) {
            return Optional.of(Rejection.of(Rejection.FEE_TOO_LOW,
                    "fee " + tx.fee() + " is below the minimum fee " + block.params().minFee()));
        }
        Account account = Account.STATE.get(state, sender).orElse(Account.EMPTY);
        if (tx.nonce() < account.nonce()) {
            return Optional.of(Rejection.of(Rejection.NONCE_USED,
                    "nonce " + tx.nonce() + " was already used; the next nonce of " + sender + " is " + account.nonce()));
        }
        if (tx.nonce() > account.nonce()) {
            return Optional.of(Rejection.of(Rejection.NONCE_GAP,
                    "nonce " + tx.nonce() + " leaves a gap; the next nonce of " + sender + " is " + account.nonce()));
        }
        if (!account.canPay(tx.fee())) {
            return Optional.of(Rejection.of(Rejection.INSUFFICIENT_BALANCE,
                    "balance " + account.balance() + " does not cover the fee " + tx.fee()));
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private <P extends TxPayload> TxOutcome applyPayload(StateOverlay state, TxContext ctx, Transaction tx) {
        TransactionHandler<P> handler = (TransactionHandler<P>) kinds.handler(tx.kind()).orElseThrow();
        P payload = tx.decodedPayload(handler::decode);
        try {
            return handler.apply(state, ctx, payload);
        } catch (ArithmeticException e) {
            return TxOutcome.rejected(Rejection.INVALID_PAYLOAD, "an amount would overflow: " + e.getMessage());
        }
    }
}
