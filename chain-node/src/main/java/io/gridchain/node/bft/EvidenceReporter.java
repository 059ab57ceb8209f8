package io.gridchain.node.bft;

import io.gridchain.consensus.evidence.DuplicateVoteEvidence;
import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.chain.EvidenceSubmission;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.mempool.Mempool;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts the proof of an equivocation on chain: a transaction from this node, once per piece of evidence. */
final class EvidenceReporter {
    private static final Logger log = LoggerFactory.getLogger(EvidenceReporter.class);
    /** Bounds what one equivocator can make us remember; a proof already on its way needs no second send. */
    private static final int MAX_REMEMBERED = 4_096;

    private final Ledger ledger;
    private final Mempool mempool;
    private final SigningKey key;
    private final Consumer<Transaction> submit;
    private final Set<Hash32> reported = new HashSet<>();

    /** @param submit admits and gossips a transaction this node makes */
    EvidenceReporter(Ledger ledger, Mempool mempool, SigningKey key, Consumer<Transaction> submit) {
        this.ledger = ledger;
        this.mempool = mempool;
        this.key = key;
        this.submit = submit;
    }

    void report(DuplicateVoteEvidence evidence) {
        Hash32 id = Keccak.hash(evidence.encode());
        if (reported.size() >= MAX_REMEMBERED) {
            reported.clear();
        }
        if (!reported.add(id)) {
            return;
        }
        log.warn("validator {} equivocated at height {} round {}; submitting the evidence", evidence.first().validator(),
                evidence.first().vote().height(), evidence.first().vote().round());
        long nonce = mempool.pendingNonce(key.address())
                .orElse(Account.STATE.get(ledger.state(), key.address()).orElse(Account.EMPTY).nonce());
        submit.accept(new UnsignedTransaction(ledger.chainId(), nonce, ledger.params().minFee(),
                new EvidenceSubmission(evidence)).signWith(key));
    }
}
