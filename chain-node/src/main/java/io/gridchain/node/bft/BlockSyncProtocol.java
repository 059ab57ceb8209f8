package io.gridchain.node.bft;

import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.RequestLimits;
import io.gridchain.p2p.RequestResponseProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /gridchain/sync/1.0.0}: "blocks from height F, at most N" answered with committed blocks and
 * their commit certificates, in order, within a byte budget. The receiver trusts nothing: it checks
 * each certificate against the validator set of that height and re-executes each block.
 */
public final class BlockSyncProtocol implements RequestResponseProtocol {
    public static final String ID = "/gridchain/sync/1.0.0";
    static final int MAX_BLOCKS = 100;
    static final int MAX_RESPONSE_BYTES = 8 << 20;
    static final RequestLimits LIMITS = new RequestLimits(64, MAX_RESPONSE_BYTES + 1024, Duration.ofSeconds(10), 8);

    private final ChainStore store;

    public BlockSyncProtocol(ChainStore store) {
        this.store = store;
    }

    public record SyncedBlock(Block block, CommitCertificate certificate) {}

    @Override
    public String protocolId() {
        return ID;
    }

    @Override
    public RequestLimits limits() {
        return LIMITS;
    }

    static byte[] request(long from, int max) {
        return Rlp.list(Rlp.uint(from), Rlp.uint(max));
    }

    @Override
    public CompletableFuture<byte[]> handle(PeerId from, byte[] request) {
        try {
            RlpReader r = RlpReader.ofList(request);
            long start = r.uint64("from");
            int max = Math.min(r.uint32("max"), MAX_BLOCKS);
            r.finish("sync request");
            List<byte[]> items = new ArrayList<>();
            long bytes = 0;
            long head = store.headHeight().orElse(0L);
            for (long h = Math.max(1, start); h <= head && items.size() < max; h++) {
                Optional<Block> block = store.block(h);
                Optional<CommitCertificate> cert = store.certificate(h);
                if (block.isEmpty() || cert.isEmpty()) {
                    break;
                }
                byte[] item = Rlp.list(Rlp.bytes(block.get().encode()), Rlp.bytes(cert.get().encode()));
                if (bytes + item.length > MAX_RESPONSE_BYTES) {
                    break;
                }
                items.add(item);
                bytes += item.length;
            }
            return CompletableFuture.completedFuture(Rlp.list(items));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static List<SyncedBlock> decodeResponse(byte[] response, int maxTransactionBytes) {
        RlpReader r = RlpReader.ofList(response);
        List<SyncedBlock> out = new ArrayList<>();
        while (r.hasNext()) {
            RlpReader item = r.list();
            Block block = Block.decode(item.bytes(), maxTransactionBytes);
            CommitCertificate cert = CommitCertificate.decode(item.bytes());
            item.finish("synced block");
            out.add(new SyncedBlock(block, cert));
        }
        return out;
    }
}
