package io.gridchain.node.chain;

import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.KeyValueStore;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Re-executes a stored chain from its genesis into a scratch store and compares, block by block,
 * the header's state root with the one execution yields and checks each commit certificate. This is
 * {@code gridchain node verify-db}: it proves the stored chain is exactly what its blocks say.
 */
public final class ChainVerifier {
    private ChainVerifier() {}

    public sealed interface Result {
        record Verified(long height, Hash32 stateRoot) implements Result {}

        record Failed(long height, String reason) implements Result {}
    }

    public static Result verify(ChainStore stored, KeyValueStore scratch, LongConsumer progress) {
        GenesisData genesis;
        try {
            genesis = GenesisLoader.fromDocument(io.gridchain.genesis.GenesisDocument.require(
                    new String(stored.genesisDocument().orElseThrow(() -> new IllegalStateException("no genesis stored")),
                            java.nio.charset.StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return new Result.Failed(0, "the stored genesis document is unusable: " + e.getMessage());
        }
        Optional<Block> storedGenesis = stored.block(0);
        if (storedGenesis.isEmpty() || !storedGenesis.get().hash().equals(genesis.block().hash())) {
            return new Result.Failed(0, "block 0 is not the genesis its document defines");
        }
        long head = stored.headHeight().orElse(0L);
        try (ChainStore replay = new ChainStore(scratch, 1 << 20)) {
            Ledger ledger = Ledger.open(replay, genesis, ChainRules.standard());
            BlockImporter importer = new BlockImporter(ledger);
            for (long h = 1; h <= head; h++) {
                Optional<Result.Failed> failure = replayOne(stored, importer, h);
                if (failure.isPresent()) {
                    return failure.get();
                }
                progress.accept(h);
            }
            return new Result.Verified(head, ledger.head().stateRoot());
        }
    }

    private static Optional<Result.Failed> replayOne(ChainStore stored, BlockImporter importer, long h) {
        Optional<Block> block = stored.block(h);
        Optional<CommitCertificate> certificate = stored.certificate(h);
        if (block.isEmpty() || certificate.isEmpty()) {
            return Optional.of(new Result.Failed(h, "block or its certificate is missing"));
        }
        if (importer.importCertified(block.get(), certificate.get(), true, true) instanceof BlockImporter.Imported.Refused r) {
            return Optional.of(new Result.Failed(h, r.reason()));
        }
        return Optional.empty();
    }
}
