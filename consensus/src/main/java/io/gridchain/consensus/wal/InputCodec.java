package io.gridchain.consensus.wal;

import io.gridchain.consensus.Input;
import io.gridchain.consensus.TimeoutKind;
import io.gridchain.consensus.message.SignedProposal;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.validator.ValidatorSet;

/** The canonical encoding of an engine input: RLP(tag, fields...). */
public final class InputCodec {
    private static final int START_HEIGHT = 1;
    private static final int PROPOSAL = 2;
    private static final int VOTE = 3;
    private static final int TIMEOUT = 4;
    private static final int VALIDITY = 5;
    private static final int VALUE = 6;

    private InputCodec() {}

    public static byte[] encode(Input input) {
        if (input instanceof Input.StartHeight s) {
            return Rlp.list(Rlp.uint(START_HEIGHT), Rlp.uint(s.height()), s.validators().encode());
        } else if (input instanceof Input.ProposalReceived p) {
            return Rlp.list(Rlp.uint(PROPOSAL), p.proposal().encode());
        } else if (input instanceof Input.VoteReceived v) {
            return Rlp.list(Rlp.uint(VOTE), v.vote().encode());
        } else if (input instanceof Input.TimeoutExpired t) {
            return Rlp.list(Rlp.uint(TIMEOUT), Rlp.uint(t.kind().ordinal()), Rlp.uint(t.height()), Rlp.uint(t.round()));
        } else if (input instanceof Input.ValueValidity v) {
            return Rlp.list(Rlp.uint(VALIDITY), Rlp.uint(v.height()), Rlp.bytes(v.value().bytes()), Rlp.bool(v.valid()));
        } else if (input instanceof Input.ValueToPropose v) {
            return Rlp.list(Rlp.uint(VALUE), Rlp.uint(v.height()), Rlp.uint(v.round()), Rlp.bytes(v.value().bytes()));
        }
        throw new IllegalArgumentException("unknown input " + input);
    }

    /** Decodes an input; malformed bytes are an {@link RlpException} naming the field. */
    public static Input decode(byte[] encoded) {
        RlpReader r = RlpReader.ofList(encoded);
        int tag = r.uint32("input tag");
        Input input = switch (tag) {
            case START_HEIGHT -> new Input.StartHeight(r.uint64("height"), ValidatorSet.decode(r.rawItem()));
            case PROPOSAL -> new Input.ProposalReceived(SignedProposal.decode(r.rawItem()));
            case VOTE -> new Input.VoteReceived(SignedVote.decode(r.rawItem()));
            case TIMEOUT -> new Input.TimeoutExpired(timeoutKind(r.uint32("timeout kind")), r.uint64("height"),
                    r.uint32("round"));
            case VALIDITY -> new Input.ValueValidity(r.uint64("height"), Hash32.of(r.bytes(32, "value")), r.bool("valid"));
            case VALUE -> new Input.ValueToPropose(r.uint64("height"), r.uint32("round"), Hash32.of(r.bytes(32, "value")));
            default -> throw new RlpException("unknown input tag " + tag);
        };
        r.finish("input");
        return input;
    }

    private static TimeoutKind timeoutKind(int ordinal) {
        TimeoutKind[] kinds = TimeoutKind.values();
        if (ordinal >= kinds.length) {
            throw new RlpException("unknown timeout kind " + ordinal);
        }
        return kinds[ordinal];
    }
}
