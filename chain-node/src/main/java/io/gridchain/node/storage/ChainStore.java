package io.gridchain.node.storage;

import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.exec.Receipt;
import io.gridchain.core.merkle.NodeSource;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCommitment;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Event;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The node's ledger on disk: blocks by height and hash, commit certificates, the transaction index,
 * receipts, block events, the flat state, the Merkle nodes and the head pointer. A block and
 * everything it changes are written in one synced batch, so after a crash the store holds either
 * all of a block or none of it.
 */
public final class ChainStore implements AutoCloseable {
    private static final Column<Long, byte[]> BLOCKS = new Column<>('b', Codec.HEIGHT, Codec.RAW);
    private static final Column<Hash32, Long> HEIGHT_BY_HASH = new Column<>('h', Codec.HASH, Codec.HEIGHT);
    private static final Column<Long, byte[]> CERTIFICATES = new Column<>('c', Codec.HEIGHT, Codec.RAW);
    private static final Column<Hash32, TxLocation> TX_INDEX = new Column<>('t', Codec.HASH, TxLocation.CODEC);
    /**
     * A block's receipts, one entry per block in block order (found through the transaction index):
     * one entry per transaction was a fifth of the entries a block writes, each a random key that
     * LevelDB's compactions carry down every level.
     */
    static final Column<Long, byte[]> RECEIPTS = new Column<>('p', Codec.HEIGHT, Codec.RAW);
    /** Receipts as stores wrote them before, one per transaction: still read, no longer written. */
    static final Column<Hash32, byte[]> RECEIPTS_BY_TX = new Column<>('r', Codec.HASH, Codec.RAW);
    private static final Column<Long, byte[]> BLOCK_EVENTS = new Column<>('e', Codec.HEIGHT, Codec.RAW);
    private static final Column<Bytes, byte[]> STATE = new Column<>('s', Codec.of(Bytes::toArray, Bytes::of), Codec.RAW);
    private static final Column<Hash32, byte[]> NODES = new Column<>('n', Codec.HASH, Codec.RAW);
    /**
     * Every validator set the state ever held, by hash, written with the block that set it: a header names
     * its set only by hash, and light clients ask for the set of any height.
     */
    private static final Column<Hash32, byte[]> VALIDATOR_SETS = new Column<>('v', Codec.HASH, Codec.RAW);
    private static final Bytes VALIDATOR_SET_KEY = ValidatorSetState.stateKey();
    static final Column<String, byte[]> META = new Column<>('m',
            Codec.of(s -> s.getBytes(StandardCharsets.US_ASCII), b -> new String(b, StandardCharsets.US_ASCII)), Codec.RAW);
    /**
     * Each committed transaction under every address it concerns: its sender and each address its events
     * name (a transfer's recipient, a payout, a key, a grid node). The key is the address, then the height
     * and index subtracted from their maxima, so a scan of one address reads its transactions newest first.
     */
    static final Column<byte[], TxLocation> BY_ADDRESS = new Column<>('a', Codec.RAW, TxLocation.CODEC);
    /** The first height the address index covers: 0 for stores made with it, later for older stores. */
    static final String ADDRESS_INDEX_FROM = "address-index-from";
    private static final String HEAD = "head";
    private static final String GENESIS = "genesis";

    /**
     * The newest blocks as committed, senders recovered: readers (the API, block watchers) ask for
     * the head's blocks, and decoding one from disk again would recover every sender's key.
     */
    private static final int RECENT_BLOCKS = 8;

    private final KeyValueStore store;
    private final CachedNodeSource nodes;
    private final LatestStateCache stateCache = new LatestStateCache(32L << 20);
    private final Function<Bytes, Optional<byte[]>> storedState;
    private final Map<Long, Block> recentBlocks = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Block> eldest) {
            return size() > RECENT_BLOCKS;
        }
    };
    private final int maxTransactionBytes;

    public ChainStore(KeyValueStore store, int maxTransactionBytes) {
        this.store = store;
        this.storedState = key -> STATE.get(store, key);
        this.nodes = new CachedNodeSource(store, NODES, 65_536);
        this.maxTransactionBytes = maxTransactionBytes;
        Optional<Long> head = headHeight();
        if (head.isPresent() && META.get(store, ADDRESS_INDEX_FROM).isEmpty()) {
            // A store from before the address index: indexing the past would decode every block (and recover
            // every sender), so the index starts at the next block, and the console says where it starts.
            KeyValueStore.WriteBatch batch = new KeyValueStore.WriteBatch();
            META.put(batch, ADDRESS_INDEX_FROM, Codec.HEIGHT.encode(head.get() + 1));
            store.write(batch, true);
        }
    }

    /** A page of an address's transactions, newest first; {@code indexedFrom} is the first height indexed. */
    public record AddressPage(List<TxLocation> items, boolean more, long indexedFrom) {}

    public AddressPage transactionsOf(io.gridchain.core.crypto.Address address, int skip, int limit) {
        List<TxLocation> items = new ArrayList<>(limit);
        int[] seen = {0};
        boolean[] more = {false};
        byte[] prefix = BY_ADDRESS.key(address.bytes());
        store.scan(prefix, (key, value) -> {
            if (seen[0]++ < skip) {
                return true;
            }
            if (items.size() == limit) {
                more[0] = true;
                return false;
            }
            items.add(BY_ADDRESS.decodeValue(value));
            return true;
        });
        long from = META.get(store, ADDRESS_INDEX_FROM).map(Codec.HEIGHT::decode).orElse(0L);
        return new AddressPage(items, more[0], from);
    }

    static byte[] addressKey(io.gridchain.core.crypto.Address address, long height, int index) {
        return java.nio.ByteBuffer.allocate(32).put(address.bytes()).putLong(Long.MAX_VALUE - height)
                .putInt(Integer.MAX_VALUE - index).array();
    }

    private static void indexAddresses(KeyValueStore.WriteBatch batch, Block block, List<Receipt> receipts) {
        for (Receipt r : receipts) {
            java.util.Set<io.gridchain.core.crypto.Address> concerned = new java.util.LinkedHashSet<>();
            if (r.index() < block.transactions().size()) {
                block.transactions().get(r.index()).sender().ifPresent(concerned::add);
            }
            for (Event e : r.events()) {
                for (String v : e.attributes().values()) {
                    if (v.length() == 42 && v.startsWith("0x")) {
                        io.gridchain.core.crypto.Address.parse(v).toOptional().ifPresent(concerned::add);
                    }
                }
            }
            TxLocation at = new TxLocation(block.height(), r.index());
            for (io.gridchain.core.crypto.Address a : concerned) {
                BY_ADDRESS.put(batch, addressKey(a, block.height(), r.index()), at);
            }
        }
    }

    public Optional<Long> headHeight() {
        return META.get(store, HEAD).map(Codec.HEIGHT::decode);
    }

    /** The genesis document this store was created from, exactly as it was given. */
    public Optional<byte[]> genesisDocument() {
        return META.get(store, GENESIS);
    }

    public Optional<Block> block(long height) {
        synchronized (recentBlocks) {
            Block recent = recentBlocks.get(height);
            if (recent != null) {
                return Optional.of(recent);
            }
        }
        return BLOCKS.get(store, height).map(b -> Block.decode(b, maxTransactionBytes));
    }

    public Optional<Long> heightOf(Hash32 blockHash) {
        return HEIGHT_BY_HASH.get(store, blockHash);
    }

    public Optional<CommitCertificate> certificate(long height) {
        return CERTIFICATES.get(store, height).map(CommitCertificate::decode);
    }

    /** A set the state held at some height, by its hash; empty for sets this store held before it kept them. */
    public Optional<ValidatorSet> validatorSet(Hash32 hash) {
        return VALIDATOR_SETS.get(store, hash).map(ValidatorSet::decode);
    }

    public Optional<TxLocation> transactionLocation(Hash32 txHash) {
        return TX_INDEX.get(store, txHash);
    }

    public Optional<Receipt> receipt(Hash32 txHash) {
        return transactionLocation(txHash).flatMap(at -> RECEIPTS.get(store, at.height()).map(all -> {
            RlpReader r = RlpReader.ofList(all);
            for (int i = 0; i < at.index(); i++) {
                r.rawItem();
            }
            return Receipt.decode(r.rawItem());
        })).or(() -> RECEIPTS_BY_TX.get(store, txHash).map(Receipt::decode));
    }

    /** The receipts of block {@code height}, in block order; empty for a block without transactions. */
    public List<Receipt> receipts(long height) {
        Optional<byte[]> all = RECEIPTS.get(store, height);
        List<Receipt> out = new ArrayList<>();
        if (all.isPresent()) {
            RlpReader r = RlpReader.ofList(all.get());
            while (r.hasNext()) {
                out.add(Receipt.decode(r.rawItem()));
            }
        } else {
            block(height).ifPresent(b -> b.transactions().forEach(
                    tx -> RECEIPTS_BY_TX.get(store, tx.hash()).map(Receipt::decode).ifPresent(out::add)));
        }
        return out;
    }

    public List<Event> blockEvents(long height) {
        return BLOCK_EVENTS.get(store, height).map(ChainStore::decodeEvents).orElse(List.of());
    }

    /** The state as of the head block. */
    public StateReader latestState() {
        return key -> stateCache.get(key, storedState);
    }

    public NodeSource merkleNodes() {
        return nodes;
    }

    /** Writes the genesis block (height 0), the genesis state and the document, as the first head. */
    public void commitGenesis(Block genesisBlock, StateCommitment.Commit state, byte[] document) {
        KeyValueStore.WriteBatch batch = new KeyValueStore.WriteBatch();
        META.put(batch, GENESIS, document);
        META.put(batch, ADDRESS_INDEX_FROM, Codec.HEIGHT.encode(0L));
        writeBlock(batch, genesisBlock, null, List.of(), List.of(), state);
        store.write(batch, true);
        stateCache.committed(state.changes());
    }

    /** Writes a decided block, its certificate, receipts, events and state changes atomically, and syncs. */
    public void commitBlock(Block block, CommitCertificate certificate, List<Receipt> receipts, List<Event> blockEvents,
                            StateCommitment.Commit state) {
        commitBlock(block, certificate, receipts, blockEvents, state, true);
    }

    /**
     * As above; with {@code sync} false the batch is still atomic and ordered after the ones before
     * it, but may be lost with the last moments before a power failure (not a process crash). Block
     * sync uses that for all but the last block of a run: a lost tail is fetched again.
     */
    public void commitBlock(Block block, CommitCertificate certificate, List<Receipt> receipts, List<Event> blockEvents,
                            StateCommitment.Commit state, boolean sync) {
        KeyValueStore.WriteBatch batch = new KeyValueStore.WriteBatch();
        writeBlock(batch, block, certificate, receipts, blockEvents, state);
        store.write(batch, sync);
        stateCache.committed(state.changes());
        synchronized (recentBlocks) {
            recentBlocks.put(block.height(), block);
        }
    }

    private void writeBlock(KeyValueStore.WriteBatch batch, Block block, CommitCertificate certificate,
                            List<Receipt> receipts, List<Event> blockEvents, StateCommitment.Commit state) {
        long height = block.height();
        BLOCKS.put(batch, height, block.encode());
        HEIGHT_BY_HASH.put(batch, block.hash(), height);
        if (certificate != null) {
            CERTIFICATES.put(batch, height, certificate.encode());
        }
        if (!receipts.isEmpty()) {
            List<byte[]> encoded = new ArrayList<>(receipts.size());
            for (Receipt r : receipts) {
                TX_INDEX.put(batch, r.txHash(), new TxLocation(height, r.index()));
                encoded.add(r.encode());
            }
            RECEIPTS.put(batch, height, Rlp.list(encoded));
            indexAddresses(batch, block, receipts);
        }
        if (!blockEvents.isEmpty()) {
            BLOCK_EVENTS.put(batch, height, encodeEvents(blockEvents));
        }
        state.changes().forEach((key, value) -> {
            if (value.isPresent() && key.equals(VALIDATOR_SET_KEY)) {
                VALIDATOR_SETS.put(batch, Keccak.hash(value.get()), value.get());
            }
            if (value.isPresent()) {
                STATE.put(batch, key, value.get());
            } else {
                STATE.delete(batch, key);
            }
        });
        state.newNodes().forEach((hash, node) -> {
            NODES.put(batch, hash, node);
            nodes.remember(hash, node);
        });
        META.put(batch, HEAD, Codec.HEIGHT.encode(height));
    }

    private static byte[] encodeEvents(List<Event> events) {
        List<byte[]> items = new ArrayList<>();
        for (Event e : events) {
            items.add(e.encode());
        }
        return Rlp.list(items);
    }

    private static List<Event> decodeEvents(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        List<Event> events = new ArrayList<>();
        while (r.hasNext()) {
            events.add(Event.decode(r));
        }
        return events;
    }

    @Override
    public void close() {
        store.close();
    }
}
