package io.gridchain.node.bft;

import io.gridchain.node.chain.Ledger;
import io.gridchain.p2p.P2PNetwork;
import io.gridchain.p2p.Peer;
import io.gridchain.p2p.PeerId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches a node up: when peers are seen at heights beyond ours (or simply on every tick, since a
 * request for blocks after our head costs a peer nothing when there are none), it asks one peer at a
 * time, rotating, for the blocks after our head. What comes back is handed to the consensus thread;
 * a peer whose blocks fail verification is not asked again for a while.
 */
final class BlockSync {
    private static final Logger log = LoggerFactory.getLogger(BlockSync.class);
    private static final long BAN_MILLIS = 60_000;
    /** A peer that did not answer in time is skipped for a while, so one silent peer cannot stall sync. */
    private static final long UNANSWERED_MILLIS = 10_000;

    private final Ledger ledger;
    private final P2PNetwork network;
    private final Clock clock;
    private final BiConsumer<PeerId, List<BlockSyncProtocol.SyncedBlock>> deliver;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicLong target = new AtomicLong();
    private final Map<PeerId, Long> bannedUntil = new ConcurrentHashMap<>();
    private int nextPeer;
    private long lastLogged;

    BlockSync(Ledger ledger, P2PNetwork network, Clock clock, BiConsumer<PeerId, List<BlockSyncProtocol.SyncedBlock>> deliver) {
        this.ledger = ledger;
        this.clock = clock;
        this.network = network;
        this.deliver = deliver;
    }

    void sawHeight(long height) {
        target.accumulateAndGet(height, Math::max);
    }

    long targetHeight() {
        return target.get();
    }

    void ban(PeerId peer, String reason) {
        log.warn("peer {} served bad blocks ({}); not asking it for {} s", peer, reason, BAN_MILLIS / 1000);
        bannedUntil.put(peer, clock.millis() + BAN_MILLIS);
    }

    /** Called by a timer: asks one peer for what follows our head, unless a request is out. */
    void tick() {
        List<Peer> peers = network.connectedPeers().stream()
                .filter(p -> bannedUntil.getOrDefault(p.id(), 0L) < clock.millis()).toList();
        if (peers.isEmpty() || !inFlight.compareAndSet(false, true)) {
            return;
        }
        PeerId peer = peers.get(Math.floorMod(nextPeer++, peers.size())).id();
        long from = ledger.head().height() + 1;
        network.request(peer, BlockSyncProtocol.ID, BlockSyncProtocol.request(from, BlockSyncProtocol.MAX_BLOCKS),
                BlockSyncProtocol.LIMITS).whenComplete((response, failure) -> {
                    try {
                        if (failure != null) {
                            bannedUntil.put(peer, clock.millis() + UNANSWERED_MILLIS);
                            log.debug("peer {} did not answer a sync request ({}); skipping it for {} s", peer,
                                    failure.getMessage(), UNANSWERED_MILLIS / 1000);
                        } else {
                            List<BlockSyncProtocol.SyncedBlock> blocks = certified(
                                    BlockSyncProtocol.decodeResponse(response, ledger.params().maxTransactionBytes()), peer);
                            // senders are recovered (the costly part) only for blocks whose certificates check out
                            blocks.parallelStream().forEach(b -> b.block().transactions().forEach(tx -> tx.sender()));
                            if (!blocks.isEmpty()) {
                                sawHeight(blocks.get(blocks.size() - 1).block().height());
                                deliver.accept(peer, blocks);
                            }
                        }
                    } catch (RuntimeException e) {
                        ban(peer, "undecodable sync response: " + e.getMessage());
                    } finally {
                        inFlight.set(false);
                    }
                });
    }

    /**
     * The leading blocks whose certificates a quorum of the head's validator set signed. A certificate
     * that fails may be a validator-set change inside the run: the blocks from there are asked for again
     * once the head has moved; a first block that fails is the peer's fault.
     */
    private List<BlockSyncProtocol.SyncedBlock> certified(List<BlockSyncProtocol.SyncedBlock> blocks, PeerId peer) {
        var validators = ledger.validators();
        String chainId = Long.toString(ledger.chainId());
        for (int i = 0; i < blocks.size(); i++) {
            BlockSyncProtocol.SyncedBlock b = blocks.get(i);
            if (!io.gridchain.consensus.certificate.CommitCertificateVerifier.SECP256K1.verify(b.certificate(), validators,
                    chainId, b.block().height(), b.block().hash()).isValid()) {
                if (i == 0 && b.block().height() == ledger.head().height() + 1) {
                    ban(peer, "certificate of block " + b.block().height() + " does not verify");
                }
                return blocks.subList(0, i);
            }
        }
        return blocks;
    }

    /** Logs progress at most every few seconds while far behind. */
    void progress(long head) {
        long now = clock.millis();
        if (target.get() > head + 1 && now - lastLogged > 3_000) {
            lastLogged = now;
            log.info("syncing: at height {} of {}", head, target.get());
        }
    }
}
