package io.gridchain.node.chain;

import io.gridchain.consensus.certificate.CertificateCheck;
import io.gridchain.consensus.certificate.CommitCertificateVerifier;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a block joins the chain, whoever brings it: a consensus decision, block sync, or
 * {@code node verify-db} replaying a store. Its certificate is checked against the validator set of
 * the head it extends, it is re-executed against its header, and then it is committed; then each
 * {@link CommitListener} hears of it (the mempool, metrics and the per-block log line are listeners,
 * not a second commit path).
 */
public final class BlockImporter {
    private static final Logger log = LoggerFactory.getLogger(BlockImporter.class);

    /** What became of a block offered for import. */
    public sealed interface Imported {
        record Committed(PreparedBlock block, long storeNanos) implements Imported {}

        /** Nothing was written; reason says what was wrong with the block or its certificate. */
        record Refused(String reason) implements Imported {}
    }

    /** Told of each committed block, on the committing thread. */
    @FunctionalInterface
    public interface CommitListener {
        /** @param synced the block came by block sync (or replay), not by this node's own decision */
        void committed(PreparedBlock block, CommitCertificate certificate, long storeNanos, boolean synced);
    }

    private final Ledger ledger;
    private final List<CommitListener> listeners = new CopyOnWriteArrayList<>();

    public BlockImporter(Ledger ledger) {
        this.ledger = ledger;
    }

    public void addListener(CommitListener listener) {
        listeners.add(listener);
    }

    /**
     * Checks, then commits. {@code durable} false leaves the disk sync to a later commit (block sync
     * syncs once per fetched run).
     */
    public Imported importCertified(Block block, CommitCertificate certificate, boolean durable, boolean synced) {
        long next = ledger.head().height() + 1;
        if (block.height() != next) {
            return new Imported.Refused("block " + block.height() + " does not follow the head " + (next - 1));
        }
        CertificateCheck check = CommitCertificateVerifier.SECP256K1.verify(certificate, ledger.validators(),
                Long.toString(ledger.chainId()), block.height(), block.hash());
        if (check instanceof CertificateCheck.Invalid invalid) {
            return new Imported.Refused("certificate of block " + block.height() + ": " + invalid.detail());
        }
        Ledger.Validated validated = ledger.validate(block);
        if (validated instanceof Ledger.Validated.Invalid invalid) {
            return new Imported.Refused("block " + block.height() + ": " + invalid.reason());
        }
        return commit(((Ledger.Validated.Valid) validated).block(), certificate, durable, synced);
    }

    /**
     * Commits a block this node already re-executed (it checked the proposal) under a certificate its
     * own engine assembled from checked votes.
     */
    public Imported commitChecked(PreparedBlock block, CommitCertificate certificate) {
        if (block.block().height() != ledger.head().height() + 1) {
            return new Imported.Refused("block " + block.block().height() + " does not follow the head "
                    + ledger.head().height());
        }
        return commit(block, certificate, true, false);
    }

    private Imported commit(PreparedBlock block, CommitCertificate certificate, boolean durable, boolean synced) {
        long started = System.nanoTime();
        ledger.commit(block, certificate, durable);
        long nanos = System.nanoTime() - started;
        for (CommitListener listener : listeners) {
            try {
                listener.committed(block, certificate, nanos, synced);
            } catch (RuntimeException e) {
                log.warn("a commit listener failed on block {}", block.block().height(), e);
            }
        }
        return new Imported.Committed(block, nanos);
    }
}
