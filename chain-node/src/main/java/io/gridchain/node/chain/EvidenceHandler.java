package io.gridchain.node.chain;

import io.gridchain.consensus.evidence.DuplicateVoteEvidence;
import io.gridchain.consensus.evidence.EvidenceCheck;
import io.gridchain.consensus.evidence.EvidenceVerifier;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.core.validator.ValidatorSetState;

/**
 * Records equivocation on chain: the evidence must verify against the validator set (it lives here,
 * beside the node, because only the consensus module knows what a vote signs). Each offence —
 * validator, height, round, vote type — is recorded once, with the height it was recorded at.
 */
public final class EvidenceHandler implements TransactionHandler<EvidenceSubmission> {
    public static final String INVALID = "invalid-evidence";
    public static final String ALREADY_RECORDED = "evidence-already-recorded";

    public static final StateMap<Hash32, byte[]> RECORDED = new StateMap<>("evidence", Hash32::bytes, new StateCodec<>() {
        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    });

    @Override
    public String kind() {
        return EvidenceSubmission.KIND;
    }

    @Override
    public EvidenceSubmission decode(byte[] payload) {
        return new EvidenceSubmission(DuplicateVoteEvidence.decode(payload));
    }

    @Override
    public TxOutcome apply(StateOverlay state, TxContext ctx, EvidenceSubmission submission) {
        DuplicateVoteEvidence e = submission.evidence();
        EvidenceCheck check = EvidenceVerifier.SECP256K1.verify(e, Long.toString(ctx.chainId()), ValidatorSetState.read(state));
        if (check instanceof EvidenceCheck.Invalid invalid) {
            return TxOutcome.rejected(INVALID, invalid.reason() + ": " + invalid.detail());
        }
        Vote v = e.first().vote();
        Hash32 offence = Keccak.hash(Rlp.list(Rlp.bytes(e.first().validator().bytes()), Rlp.uint(v.height()),
                Rlp.uint(v.round()), Rlp.uint(v.type().code())));
        if (RECORDED.get(state, offence).isPresent()) {
            return TxOutcome.rejected(ALREADY_RECORDED, "this equivocation of " + e.first().validator() + " is already on chain");
        }
        RECORDED.put(state, offence, Rlp.list(Rlp.uint(ctx.height()), Rlp.bytes(e.encode())));
        return TxOutcome.applied(Event.of("evidence.recorded", "validator", e.first().validator().toString(),
                "height", Long.toString(v.height()), "round", Integer.toString(v.round()), "type", v.type().name()));
    }
}
