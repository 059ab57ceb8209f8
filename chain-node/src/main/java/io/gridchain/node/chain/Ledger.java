package io.gridchain.node.chain;

import io.gridchain.consensus.certificate.CertificateCheck;
import io.gridchain.consensus.certificate.CommitCertificateVerifier;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.block.TransactionsRoot;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.state.StateCommitment;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import io.gridchain.node.storage.ChainStore;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committed chain as the node sees it: the head, the state at the head, and the two ways a
 * block comes to be — built here from candidates, or received and replayed — both ending in one
 * atomic commit. Only one thread (the block producer or the consensus driver) calls the writers.
 */
public final class Ledger {
    private final ChainStore store;
    private final BlockExecutor executor;
    private final long chainId;
    private final Hash32 genesisHash;
    private volatile Block head;
    /** The head's chain parameters: every admitted transaction asks for them, and reading is a store lookup. */
    private volatile ParamsAt params;

    private record ParamsAt(Block block, ChainParams params) {}
    private final List<BlockListener> listeners = new CopyOnWriteArrayList<>();
    private static final Logger log = LoggerFactory.getLogger(Ledger.class);

    private Ledger(ChainStore store, BlockExecutor executor, long chainId, Hash32 genesisHash, Block head) {
        this.store = store;
        this.executor = executor;
        this.chainId = chainId;
        this.genesisHash = genesisHash;
        this.head = head;
    }

    /** Opens the chain in {@code store}, writing the genesis first if the store is new. */
    public static Ledger open(ChainStore store, GenesisData genesis, BlockExecutor executor) {
        if (store.headHeight().isEmpty()) {
            store.commitGenesis(genesis.block(), genesis.state(), genesis.document());
        }
        Block storedGenesis = store.block(0).orElseThrow(() -> new IllegalStateException("the store has no genesis block"));
        if (!storedGenesis.hash().equals(genesis.block().hash())) {
            throw new IllegalStateException("the data directory holds another chain (genesis " + storedGenesis.hash()
                    + ") than the genesis file given (" + genesis.block().hash() + ")");
        }
        long height = store.headHeight().orElseThrow();
        Block head = store.block(height).orElseThrow(() -> new IllegalStateException("head block " + height + " is missing"));
        return new Ledger(store, executor, genesis.chainId(), storedGenesis.hash(), head);
    }

    public BlockHeader head() {
        return head.header();
    }

    public Block headBlock() {
        return head;
    }

    public long chainId() {
        return chainId;
    }

    public Hash32 genesisHash() {
        return genesisHash;
    }

    public StateReader state() {
        return store.latestState();
    }

    public ChainParams params() {
        Block at = head;
        ParamsAt cached = params;
        if (cached != null && cached.block() == at) { // the same head: a header's hash is not kept, so compare identity
            return cached.params();
        }
        ChainParams read = ChainParams.read(state());
        params = new ParamsAt(at, read);
        return read;
    }

    public ValidatorSet validators() {
        return ValidatorSetState.read(state());
    }

    public ChainStore store() {
        return store;
    }

    public BlockExecutor executor() {
        return executor;
    }

    /** Builds the next block from {@code candidates}, dropping those that fail now. */
    public PreparedBlock build(long nowMillis, Address proposer, Iterable<Transaction> candidates,
                               CommitCertificate lastCommit) {
        BlockHeader parent = head.header();
        ChainParams params = params();
        BlockInfo info = new BlockInfo(chainId, parent.height() + 1, Math.max(nowMillis, parent.timestampMillis() + 1),
                proposer, params);
        BlockExecutor.Built built = executor.build(state(), info, candidates, params.maxBlockBytes() - 4096);
        StateCommitment.Commit commit = StateCommitment.commit(store.merkleNodes(), parent.stateRoot(),
                built.executed().state().changes());
        BlockHeader header = new BlockHeader(chainId, info.height(), parent.hash(), info.timestampMillis(), proposer,
                TransactionsRoot.of(built.executed().included()), commit.root(), validators().hash(), lastCommit.hash());
        Block block = new Block(header, built.executed().included(), lastCommit);
        return new PreparedBlock(block, built.executed(), commit, built.dropped());
    }

    /** Re-executes a received block on the head and checks every header field that execution determines. */
    public Validated validate(Block block) {
        BlockHeader h = block.header();
        BlockHeader parent = head.header();
        if (h.chainId() != chainId || h.height() != parent.height() + 1 || !h.parentHash().equals(parent.hash())) {
            return new Validated.Invalid("block does not extend the head " + parent.height() + " of chain " + chainId);
        }
        if (h.timestampMillis() <= parent.timestampMillis()) {
            return new Validated.Invalid("block time does not advance");
        }
        java.util.Optional<String> body = block.bodyMismatch();
        if (body.isPresent()) {
            return new Validated.Invalid(body.get());
        }
        if (!h.validatorSetHash().equals(validators().hash())) {
            return new Validated.Invalid("validator set hash does not match");
        }
        java.util.Optional<String> lastCommit = lastCommitProblem(block, parent);
        if (lastCommit.isPresent()) {
            return new Validated.Invalid(lastCommit.get());
        }
        ChainParams params = params();
        BlockInfo info = new BlockInfo(chainId, h.height(), h.timestampMillis(), h.proposer(), params);
        BlockExecutor.Replayed replayed = executor.replay(state(), info, block.transactions());
        if (replayed instanceof BlockExecutor.Replayed.Invalid invalid) {
            return new Validated.Invalid("transaction " + invalid.index() + " fails: " + invalid.reason().detail());
        }
        BlockExecutor.Executed executed = ((BlockExecutor.Replayed.Valid) replayed).executed();
        StateCommitment.Commit commit = StateCommitment.commit(store.merkleNodes(), parent.stateRoot(),
                executed.state().changes());
        if (!commit.root().equals(h.stateRoot())) {
            return new Validated.Invalid("state root " + h.stateRoot() + " differs from the executed " + commit.root());
        }
        return new Validated.Valid(new PreparedBlock(block, executed, commit, List.of()));
    }

    /**
     * The block's last commit must be a quorum's certificate of its parent, by the set that signed the
     * parent: the header only hashes it, which proves nothing but the proposer's choice, and light
     * clients and block sync read it as the parent's proof. A store from before sets were kept by hash
     * may not hold the parent's set; the hash check then stands alone.
     */
    private java.util.Optional<String> lastCommitProblem(Block block, BlockHeader parent) {
        if (parent.height() == 0) {
            return java.util.Optional.empty();
        }
        java.util.Optional<ValidatorSet> signers = store.validatorSet(parent.validatorSetHash());
        if (signers.isEmpty()) {
            return java.util.Optional.empty();
        }
        CertificateCheck check = CommitCertificateVerifier.SECP256K1.verify(block.lastCommit(), signers.get(),
                Long.toString(chainId), parent.height(), parent.hash());
        return check instanceof CertificateCheck.Invalid invalid
                ? java.util.Optional.of("last commit is not a quorum's certificate of block " + parent.height() + ": "
                        + invalid.detail())
                : java.util.Optional.empty();
    }

    /**
     * A proposed block: the chain's rules, and a time no later than this node's clock plus the chain's
     * drift bound. Only proposals are held to the clock: a decided block has a quorum's certificate, and
     * every later node replays it whatever its own clock says.
     */
    public Validated validateProposal(Block block, long nowMillis) {
        long latest = nowMillis + params().maxClockDriftMillis();
        if (block.header().timestampMillis() > latest) {
            return new Validated.Invalid("block time " + block.header().timestampMillis() + " is "
                    + (block.header().timestampMillis() - nowMillis) + " ms ahead of this node's clock; at most "
                    + params().maxClockDriftMillis() + " ms is allowed");
        }
        return validate(block);
    }

    public sealed interface Validated {
        record Valid(PreparedBlock block) implements Validated {}

        record Invalid(String reason) implements Validated {}
    }

    /** Commits a prepared block with its certificate; the new head is visible once it is on disk. */
    public void commit(PreparedBlock prepared, CommitCertificate certificate) {
        commit(prepared, certificate, true);
    }

    /** As above; {@code durable} false skips the disk sync (see {@link ChainStore#commitBlock}). */
    public void commit(PreparedBlock prepared, CommitCertificate certificate, boolean durable) {
        Block block = prepared.block();
        if (block.height() != head.height() + 1 || !Arrays.equals(block.header().parentHash().bytes(), head.hash().bytes())) {
            throw new IllegalStateException("block " + block.height() + " does not extend head " + head.height());
        }
        store.commitBlock(block, certificate, prepared.executed().receipts(), prepared.executed().blockEvents(),
                prepared.state(), durable);
        head = block;
        for (BlockListener listener : listeners) {
            try {
                listener.committed(block.height());
            } catch (RuntimeException e) {
                log.warn("a block listener failed on block {}", block.height(), e);
            }
        }
    }

    /** {@code listener} hears of every block committed from now on. */
    public void addListener(BlockListener listener) {
        listeners.add(listener);
    }
}
