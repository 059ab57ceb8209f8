package io.gridchain.lightclient;

import io.gridchain.consensus.certificate.CommitCertificates;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.merkle.NodeSource;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.merkle.SparseMerkleTree;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.state.StateCommitment;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A real chain without a node: headers whose state roots hold, as a node's do, the validator set of the
 * next height under the validator-set key, and certificates of real secp256k1 precommits made into a
 * certificate by consensus's {@code CommitCertificates}, as validators make them. Certificates are
 * signed when first asked for, so a long chain costs only the heights a test reads.
 */
final class GeneratedChain {
    static final long CHAIN_ID = 77;
    static final long GENESIS_MILLIS = 1_800_000_000_000L;
    static final long BLOCK_MILLIS = 1_000;

    private final Map<Address, SigningKey> keys;
    private final List<BlockHeader> headers = new ArrayList<>();
    private final List<ValidatorSet> sets = new ArrayList<>();
    private final List<SmtProof> nextSetProofs = new ArrayList<>();
    private final Map<Long, CommitCertificate> certificates = new HashMap<>();

    /**
     * {@code setAt} gives the set that signs each height 0..head; {@code salt} changes every state from
     * {@code forkFrom} on, which makes a second chain with the same validators that forks there.
     */
    GeneratedChain(long head, Function<Long, ValidatorSet> setAt, Map<Address, SigningKey> keys, long forkFrom, String salt) {
        this.keys = keys;
        Map<Hash32, byte[]> nodes = new HashMap<>();
        NodeSource source = h -> Optional.ofNullable(nodes.get(h));
        Hash32 root = Hash32.ZERO;
        Hash32 parent = Hash32.ZERO;
        Hash32 lastCommit = Hash32.ZERO;
        for (long h = 0; h <= head; h++) {
            ValidatorSet set = setAt.apply(h);
            ValidatorSet next = setAt.apply(h + 1);
            TreeMap<Bytes, Optional<byte[]>> changes = new TreeMap<>();
            changes.put(ValidatorSetState.stateKey(), Optional.of(next.encode()));
            changes.put(Bytes.of(("block." + h + (h >= forkFrom ? salt : "")).getBytes(StandardCharsets.US_ASCII)),
                    Optional.of(Rlp.uint(h)));
            StateCommitment.Commit commit = StateCommitment.commit(source, root, changes);
            nodes.putAll(commit.newNodes());
            root = commit.root();
            BlockHeader header = new BlockHeader(CHAIN_ID, h, parent, GENESIS_MILLIS + h * BLOCK_MILLIS,
                    set.validators().get((int) (h % set.size())).address(), Hash32.ZERO, root, set.hash(), lastCommit);
            headers.add(header);
            sets.add(set);
            nextSetProofs.add(new SparseMerkleTree(source).prove(root, SmtProof.pathOf(ValidatorSetState.stateKey().toArray())));
            parent = header.hash();
            lastCommit = Keccak.hash(header.encode()); // stands for the parent's certificate hash; not checked here
        }
    }

    /** {@code count} deterministic validator keys, indexed from {@code from}. */
    static List<SigningKey> keys(int from, int count) {
        List<SigningKey> out = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            out.add(SigningKey.fromPrivateKey(Keccak.hash(Rlp.list(Rlp.string("light-client"), Rlp.uint(i))).bytes()));
        }
        return out;
    }

    static ValidatorSet set(List<SigningKey> members, long power) {
        List<Validator> vs = new ArrayList<>();
        for (SigningKey k : members) {
            vs.add(new Validator(k.address(), k.compressedPublicKey(), power));
        }
        return ValidatorSet.of(vs);
    }

    static Map<Address, SigningKey> byAddress(List<SigningKey> keys) {
        Map<Address, SigningKey> m = new HashMap<>();
        keys.forEach(k -> m.put(k.address(), k));
        return m;
    }

    long head() {
        return headers.size() - 1;
    }

    BlockHeader header(long h) {
        return headers.get((int) h);
    }

    ValidatorSet validators(long h) {
        return sets.get((int) h);
    }

    TrustedBlock genesis() {
        return TrustedBlock.genesis(header(0), validators(0));
    }

    /** The block as an honest node serves it: every validator of the height precommitted. */
    LightBlock block(long h) {
        CommitCertificate c = h == 0 ? null
                : certificates.computeIfAbsent(h, x -> sign(header(x), validators(x).validators().stream()
                        .map(v -> keys.get(v.address())).toList(), 0));
        return new LightBlock(header(h), c, validators(h), nextSetProofs.get((int) h));
    }

    /** A certificate for {@code header} by {@code signers}, built as a proposer builds one. */
    static CommitCertificate sign(BlockHeader header, List<SigningKey> signers, int round) {
        List<SignedVote> votes = new ArrayList<>();
        for (SigningKey k : signers) {
            votes.add(Vote.precommit(Long.toString(header.chainId()), header.height(), round, header.hash()).signWith(k));
        }
        return CommitCertificates.of(votes);
    }

    /** An honest provider over this chain that records what it was asked. */
    Provider provider(String name) {
        return new Provider(name, this);
    }

    static final class Provider implements LightBlockProvider {
        private final String name;
        private final GeneratedChain chain;
        final List<Long> asked = new ArrayList<>();
        final Map<Long, LightBlock> replaced = new HashMap<>();

        Provider(String name, GeneratedChain chain) {
            this.name = name;
            this.chain = chain;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Fetched lightBlock(long height) {
            asked.add(height);
            if (replaced.containsKey(height)) {
                return new Fetched.Found(replaced.get(height));
            }
            if (height < 0 || height > chain.head()) {
                return new Fetched.Unavailable("no block at " + height + "; the head is " + chain.head());
            }
            return new Fetched.Found(chain.block(height));
        }
    }
}
