package io.gridchain.node.bft;

import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.Transaction;
import io.gridchain.node.mempool.Admission;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.p2p.GossipMessage;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.Topic;
import io.gridchain.p2p.ValidationResult;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Transactions on {@code /gridchain/<chainId>/txs/1}: what our API admits is published; what arrives
 * is admitted to our mempool, and forwarded only if it was. Malformed or badly signed transactions
 * count against the peer that sent them; ones that are merely late or early (nonce) are ignored.
 */
public final class TransactionRelay {
    private static final Set<String> PEER_FAULTS = Set.of(Rejection.MALFORMED, Rejection.BAD_SIGNATURE,
            Rejection.WRONG_CHAIN, Rejection.UNKNOWN_KIND, Rejection.TOO_LARGE);

    private final Mempool mempool;
    private final IntSupplier maxTransactionBytes;
    private final Topic topic;
    private final P2PNetwork network;

    public TransactionRelay(P2PNetwork network, long chainId, Mempool mempool, IntSupplier maxTransactionBytes) {
        this.network = network;
        this.mempool = mempool;
        this.maxTransactionBytes = maxTransactionBytes;
        this.topic = network.subscribe("/gridchain/" + chainId + "/txs/1", this::validate);
    }

    /**
     * Each gossip message is signed (StrictSign), which costs about what admitting the transaction
     * did; with nobody to hear it (a dev chain alone) that work is skipped.
     */
    public void publish(Transaction tx) {
        if (!network.connectedPeers().isEmpty()) {
            topic.publish(tx.encode());
        }
    }

    private ValidationResult validate(GossipMessage message) {
        Transaction.Decoded decoded = Transaction.decode(message.data(), maxTransactionBytes.getAsInt());
        if (decoded instanceof Transaction.Decoded.Malformed) {
            return ValidationResult.REJECT;
        }
        Admission admission = mempool.add(((Transaction.Decoded.Ok) decoded).transaction());
        if (admission instanceof Admission.Accepted) {
            return ValidationResult.ACCEPT;
        }
        return PEER_FAULTS.contains(((Admission.Refused) admission).rejection().code())
                ? ValidationResult.REJECT : ValidationResult.IGNORE;
    }
}
