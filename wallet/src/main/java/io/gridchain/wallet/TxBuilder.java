package io.gridchain.wallet;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.core.tx.UnsignedTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills in what a signed transaction needs: the chain id and the sender's next nonce, asked of the node
 * when not given. Works for every kind: a transfer is one {@link TxPayload} among others.
 */
public final class TxBuilder {
    /** The genesis default minimum fee; the node refuses less than the chain's current minimum. */
    public static final long DEFAULT_FEE = ChainParams.DEFAULTS.minFee();

    private final Optional<NodeClient> node;
    private volatile Long chainId;

    private TxBuilder(Optional<NodeClient> node, Long chainId) {
        this.node = node;
        this.chainId = chainId;
    }

    /** Asks {@code node} for the chain id (once) and for nonces. */
    public static TxBuilder forNode(NodeClient node) {
        return new TxBuilder(Optional.of(node), null);
    }

    /** For signing without a node: every call must give its nonce. */
    public static TxBuilder offline(long chainId) {
        return new TxBuilder(Optional.empty(), chainId);
    }

    public long chainId() {
        Long id = chainId;
        if (id == null) {
            id = requireNode().status().chainId();
            chainId = id;
        }
        return id;
    }

    /** The sender's next nonce as of the node's latest committed block (pending transactions not counted). */
    public long nextNonce(Address sender) {
        try {
            return requireNode().account(sender).nonce();
        } catch (NodeProblem p) {
            if (p.isNotFound()) {
                return 0; // an account the chain has never seen starts at nonce 0
            }
            throw p;
        }
    }

    public Transaction transfer(SigningKey from, Address to, long amount, long fee) {
        return sign(from, new Transfer(to, amount), fee);
    }

    public Transaction sign(SigningKey key, TxPayload payload, long fee) {
        return sign(key, payload, fee, nextNonce(key.address()));
    }

    public Transaction sign(SigningKey key, TxPayload payload, long fee, long nonce) {
        if (fee < 0 || nonce < 0) {
            throw new IllegalArgumentException("fee and nonce are never negative");
        }
        return new UnsignedTransaction(chainId(), nonce, fee, payload).signWith(key);
    }

    /** Signs payloads with consecutive nonces from the sender's next one, e.g. for {@code submitBatch}. */
    public List<Transaction> signAll(SigningKey key, List<? extends TxPayload> payloads, long fee) {
        return signAll(key, payloads, fee, nextNonce(key.address()));
    }

    /** Signs payloads with consecutive nonces from {@code firstNonce} (offline, or ahead of pending ones). */
    public List<Transaction> signAll(SigningKey key, List<? extends TxPayload> payloads, long fee, long firstNonce) {
        long nonce = firstNonce;
        List<Transaction> out = new ArrayList<>(payloads.size());
        for (TxPayload p : payloads) {
            out.add(sign(key, p, fee, nonce++));
        }
        return out;
    }

    private NodeClient requireNode() {
        return node.orElseThrow(() -> new IllegalStateException("an offline TxBuilder needs the nonce given"));
    }
}
