package io.gridchain.wallet;

import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.validator.ValidatorSet;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a lease proof ({@code GET /v1/proofs/leases/{id}}) knowing only the chain id and the validator
 * set: the header is signed by more than two thirds of the set's power (its commit certificate), the set
 * is the one the header names, and the lease record is in that header's state root under lease
 * {@code id}'s key. Nothing is read from the node's state.
 *
 * <p>Two small pieces are duplicated here on purpose, because the wallet depends on chain-core only:
 * the precommit a validator signs ({@code consensus}'s {@code Vote.signBytes()}: RLP(chain id as a decimal
 * string, type 3, height, round, block hash)) and the lease's state key ({@code capacity-registry}'s
 * {@code CapacityStore.leaseKey}: namespace {@code capacity.lease}, id as 8 big-endian bytes). A test in
 * chain-node checks both against the originals.
 */
public final class LeaseProofVerifier {
    static final int PRECOMMIT = 3;
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
        record Valid(long leaseId, long height, Hash32 blockHash, byte[] record, long signedPower, long totalPower)
                implements Result {}

        record Invalid(String reason) implements Result {}
    }

    public static Bytes leaseKey(long leaseId) {
        return LEASES.key(leaseId);
    }

    /** What a validator signs to precommit {@code blockHash} at (height, round). */
    public static Hash32 precommitDigest(long chainId, long height, int round, Hash32 blockHash) {
        return Keccak.hash(Rlp.list(Rlp.string(Long.toString(chainId)), Rlp.uint(PRECOMMIT), Rlp.uint(height),
                Rlp.uint(round), Rlp.bytes(blockHash.bytes())));
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
        if (!java.util.Arrays.equals(p.key(), leaseKey(p.leaseId()).toArray())) {
            return invalid("the proof is for another key than lease " + p.leaseId() + "'s");
        }
        if (p.value().isEmpty()) {
            return invalid("the node sent no lease record");
        }
        SmtProof.Check check = p.proof().verify(h.stateRoot(), SmtProof.pathOf(p.key()), Optional.of(Keccak.hash(p.value().get())));
        if (check instanceof SmtProof.Check.Invalid bad) {
            return invalid("the Merkle proof does not hold: " + bad.reason());
        }
        long power = signedPower(p.commit(), validators);
        return new Result.Valid(p.leaseId(), h.height(), h.hash(), p.value().get(), power, validators.totalPower());
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
