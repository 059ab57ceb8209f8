package io.gridchain.wallet;

import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.lightclient.ConflictEvidence;
import io.gridchain.lightclient.LightClient;
import io.gridchain.lightclient.Precommits;
import io.gridchain.lightclient.TrustedBlock;
import java.time.Instant;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a lease proof ({@code GET /v1/proofs/leases/{id}}) knowing only the chain id and the validator
 * set: the header is signed by more than two thirds of the set's power (its commit certificate), the set
 * is the one the header names, and the lease record is in that header's state root under lease
 * {@code id}'s key. Nothing is read from the node's state.
 *
 * <p>With a light client and a trusted block instead of a set, a proof at any height is checked across
 * validator-set changes ({@link #verify(NodeViews.LeaseProof, LightClient, TrustedBlock, Instant)}).
 *
 * <p>Two small pieces are duplicated on purpose, because the wallet depends on chain-core and light-client
 * only: the precommit a validator signs (light-client's {@link Precommits}, a copy of {@code consensus}'s
 * {@code Vote.signBytes()}) and the lease's state key ({@code capacity-registry}'s
 * {@code CapacityStore.leaseKey}: namespace {@code capacity.lease}, id as 8 big-endian bytes). A test in
 * chain-node checks both against the originals.
 */
public final class LeaseProofVerifier {
    private static final StateMap<Long, byte[]> LEASES = new StateMap<>("capacity.lease",
            id -> ByteBuffer.allocate(8).putLong(id).array(), new StateCodec<>() {
                @Override
                public byte[] encode(byte[] value) {
                    return value;
                }

                @Override
                public byte[] decode(byte[] bytes) {
                    return bytes;
                }
            });

    private LeaseProofVerifier() {}

    /** The outcome: the proven record (RLP, as capacity-registry stores it) at a height, or why not. */
    public sealed interface Result {
        /**
         * {@code headersFetched}: the heights the light client asked the node for (none with a known set);
         * {@code faultyWitnesses}: witnesses that could not confirm the header, and why (they were ignored).
         */
        record Valid(long leaseId, long height, Hash32 blockHash, byte[] record, long signedPower, long totalPower,
                     List<Long> headersFetched, List<String> faultyWitnesses) implements Result {}

        record Invalid(String reason) implements Result {}

        /** The node's header and a witness's both verify: someone signed two blocks at one height. */
        record Conflict(ConflictEvidence evidence) implements Result {}
    }

    public static Bytes leaseKey(long leaseId) {
        return LEASES.key(leaseId);
    }

    /** What a validator signs to precommit {@code blockHash} at (height, round). */
    public static Hash32 precommitDigest(long chainId, long height, int round, Hash32 blockHash) {
        return Precommits.digest(chainId, height, round, blockHash);
    }

    /**
     * Checks the proof at any height knowing only a trusted block (the genesis, say): the light client
     * verifies the proof's height from {@code root} across every validator-set change, fetching only the
     * headers bisection needs, and the proof's header must be the block it verified; then the lease record
     * must be under that header's state root.
     */
    public static Result verify(NodeViews.LeaseProof p, LightClient client, TrustedBlock root, Instant now) {
        BlockHeader h = p.header();
        if (h.chainId() != root.header().chainId()) {
            return invalid("the header is of chain " + h.chainId() + ", not " + root.header().chainId());
        }
        LightClient.Outcome outcome = client.verifyTo(root, h.height(), now);
        if (outcome instanceof LightClient.Outcome.Conflicting c) {
            return new Result.Conflict(c.evidence());
        }
        if (outcome instanceof LightClient.Outcome.Refused r) {
            return invalid("block " + h.height() + " does not verify from trusted block " + root.height() + ": "
                    + r.refusal().detail() + " at height " + r.refusal().height() + " (" + r.refusal().reason() + ")");
        }
        LightClient.Outcome.Verified v = (LightClient.Outcome.Verified) outcome;
        if (!v.block().hash().equals(h.hash())) {
            return invalid("the proof's header is not block " + v.block().hash() + ", which verifies at " + h.height());
        }
        Optional<String> state = stateProblem(p);
        if (state.isPresent()) {
            return invalid(state.get());
        }
        return new Result.Valid(p.leaseId(), h.height(), h.hash(), p.value().get(), v.signedPower(), v.totalPower(),
                v.fetched(), v.faultyWitnesses());
    }

    public static Result verify(NodeViews.LeaseProof p, long chainId, ValidatorSet validators) {
        BlockHeader h = p.header();
        if (h.chainId() != chainId) {
            return invalid("the header is of chain " + h.chainId() + ", not " + chainId);
        }
        if (!h.validatorSetHash().equals(validators.hash())) {
            return invalid("the header names another validator set than the one given");
        }
        Optional<String> certificate = certificateProblem(p.commit(), validators, chainId, h);
        if (certificate.isPresent()) {
            return invalid(certificate.get());
        }
        Optional<String> state = stateProblem(p);
        if (state.isPresent()) {
            return invalid(state.get());
        }
        long power = signedPower(p.commit(), validators);
        return new Result.Valid(p.leaseId(), h.height(), h.hash(), p.value().get(), power, validators.totalPower(),
                List.of(), List.of());
    }

    /** Empty if the lease record is under the header's state root at lease {@code id}'s key. */
    private static Optional<String> stateProblem(NodeViews.LeaseProof p) {
        if (!java.util.Arrays.equals(p.key(), leaseKey(p.leaseId()).toArray())) {
            return Optional.of("the proof is for another key than lease " + p.leaseId() + "'s");
        }
        if (p.value().isEmpty()) {
            return Optional.of("the node sent no lease record");
        }
        SmtProof.Check check = p.proof().verify(p.header().stateRoot(), SmtProof.pathOf(p.key()),
                Optional.of(Keccak.hash(p.value().get())));
        if (check instanceof SmtProof.Check.Invalid bad) {
            return Optional.of("the Merkle proof does not hold: " + bad.reason());
        }
        return Optional.empty();
    }

    /** Empty if more than two thirds of the power signed this header's precommit, each signer once. */
    static Optional<String> certificateProblem(CommitCertificate c, ValidatorSet validators, long chainId, BlockHeader h) {
        if (c == null) {
            return Optional.of("no commit certificate");
        }
        if (c.height() != h.height() || !c.blockHash().equals(h.hash())) {
            return Optional.of("the certificate is for block " + c.blockHash() + " at " + c.height()
                    + ", not this header (" + h.hash() + " at " + h.height() + ")");
        }
        Hash32 digest = precommitDigest(chainId, c.height(), c.round(), c.blockHash());
        Set<Address> seen = new HashSet<>();
        long power = 0;
        for (CommitCertificate.CommitSignature s : c.signatures()) {
            if (!validators.contains(s.validator())) {
                return Optional.of(s.validator() + " is not a validator");
            }
            if (!seen.add(s.validator())) {
                return Optional.of(s.validator() + " signs twice");
            }
            Optional<Address> signer = s.signature().recoverSigner(digest);
            if (!signer.equals(Optional.of(s.validator()))) {
                return Optional.of("the signature of " + s.validator() + " is not its precommit of this block");
            }
            power += validators.powerOf(s.validator());
        }
        if (!validators.isQuorum(power)) {
            return Optional.of("signed power " + power + " of " + validators.totalPower() + " is not more than two thirds");
        }
        return Optional.empty();
    }

    private static long signedPower(CommitCertificate c, ValidatorSet validators) {
        long power = 0;
        for (CommitCertificate.CommitSignature s : c.signatures()) {
            power += validators.powerOf(s.validator());
        }
        return power;
    }

    private static Result invalid(String reason) {
        return new Result.Invalid(reason);
    }

}
