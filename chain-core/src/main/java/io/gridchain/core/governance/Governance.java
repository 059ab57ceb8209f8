package io.gridchain.core.governance;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;
import java.util.ArrayList;
import java.util.List;

/**
 * A multi-signed governance transaction: the action, the governance nonce it was approved for, and
 * the approvals — signatures of current validators over {@link #approvalDigest}. Any account may
 * submit it; it takes effect only if the approvers hold more than two thirds of the voting power,
 * and then {@link #DELAY} blocks after the block that includes it, identically on every node.
 */
public record Governance(long governanceNonce, GovernanceAction action, List<Approval> approvals) implements TxPayload {
    public static final String KIND = "governance";
    /** A change committed in block H applies from block H + DELAY. */
    public static final long DELAY = 2;

    public Governance {
        approvals = List.copyOf(approvals);
    }

    public record Approval(Address validator, Signature signature) {}

    /** What each approving validator signs: chain id and governance nonce make an approval single-use. */
    public static Hash32 approvalDigest(long chainId, long governanceNonce, GovernanceAction action) {
        return Keccak.hash(Rlp.list(Rlp.string("gridchain-governance"), Rlp.uint(chainId), Rlp.uint(governanceNonce),
                action.encode()));
    }

    public static Approval approve(SigningKey validator, long chainId, long governanceNonce, GovernanceAction action) {
        return new Approval(validator.address(), validator.sign(approvalDigest(chainId, governanceNonce, action)));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public byte[] encode() {
        List<byte[]> approvalItems = new ArrayList<>();
        for (Approval a : approvals) {
            approvalItems.add(Rlp.list(Rlp.bytes(a.validator().bytes()), Rlp.bytes(a.signature().bytes())));
        }
        return Rlp.list(Rlp.uint(governanceNonce), Rlp.bytes(action.encode()), Rlp.list(approvalItems));
    }

    public static Governance decode(byte[] payload) {
        RlpReader r = RlpReader.ofList(payload);
        long nonce = r.uint64("governance nonce");
        GovernanceAction action = GovernanceAction.decode(r.bytes());
        RlpReader list = r.list();
        List<Approval> approvals = new ArrayList<>();
        while (list.hasNext()) {
            RlpReader a = list.list();
            Address validator = Address.of(a.bytes(20, "approver"));
            Signature.Decoded sig = Signature.decode(a.bytes());
            if (sig instanceof Signature.Decoded.Invalid invalid) {
                throw new io.gridchain.core.rlp.RlpException("approval signature: " + invalid.reason());
            }
            a.finish("approval");
            approvals.add(new Approval(validator, ((Signature.Decoded.Valid) sig).signature()));
        }
        r.finish("governance");
        return new Governance(nonce, action, approvals);
    }
}
