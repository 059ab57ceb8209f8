package io.gridchain.consensus.message;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;

/** A vote with the address that claims it and that validator's signature over its sign bytes. */
public record SignedVote(Vote vote, Address validator, Signature signature) {
    public byte[] encode() {
        Vote v = vote;
        return Rlp.list(Rlp.string(v.chainId()), Rlp.uint(v.type().code()), Rlp.uint(v.height()), Rlp.uint(v.round()),
                Rlp.bytes(v.value() == null ? new byte[0] : v.value().bytes()), Rlp.bytes(validator.bytes()),
                Rlp.bytes(signature.bytes()));
    }

    public static SignedVote decode(byte[] encoded) {
        RlpReader r = RlpReader.ofList(encoded);
        String chainId = r.string();
        MessageType type = type(r.uint64("vote type"));
        long height = r.uint64("vote height");
        int round = r.uint32("vote round");
        Hash32 value = Codec.optionalHash(r.bytes(), "vote value");
        Address validator = Address.of(r.bytes(20, "vote validator"));
        Signature signature = Codec.signature(r.bytes(), "vote signature");
        r.finish("signed vote");
        return new SignedVote(new Vote(chainId, type, height, round, value), validator, signature);
    }

    private static MessageType type(long code) {
        if (code != MessageType.PREVOTE.code() && code != MessageType.PRECOMMIT.code()) {
            throw new RlpException("vote type must be prevote (2) or precommit (3), got " + code);
        }
        return MessageType.ofCode(code);
    }

    @Override
    public String toString() {
        return vote + " by " + validator;
    }
}
