package io.gridchain.consensus.message;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/**
 * A prevote or precommit for a value id at (height, round) on one chain; {@code value} is null for a
 * vote for nil. What a validator signs is {@link #signBytes()}: RLP(chainId, type, height, round,
 * value), with nil as the empty string.
 */
public record Vote(String chainId, MessageType type, long height, int round, Hash32 value) {
    public Vote {
        if (type == MessageType.PROPOSAL) {
            throw new IllegalArgumentException("a vote is a prevote or a precommit");
        }
        if (height < 0 || round < 0) {
            throw new IllegalArgumentException("height and round are non-negative");
        }
    }

    public static Vote prevote(String chainId, long height, int round, Hash32 value) {
        return new Vote(chainId, MessageType.PREVOTE, height, round, value);
    }

    public static Vote precommit(String chainId, long height, int round, Hash32 value) {
        return new Vote(chainId, MessageType.PRECOMMIT, height, round, value);
    }

    public boolean isNil() {
        return value == null;
    }

    public byte[] signBytes() {
        return Rlp.list(Rlp.string(chainId), Rlp.uint(type.code()), Rlp.uint(height), Rlp.uint(round),
                Rlp.bytes(value == null ? new byte[0] : value.bytes()));
    }

    /** The vote whose {@link #signBytes()} these are; the signing guard hands back what it signed. */
    public static Vote fromSignBytes(byte[] signBytes) {
        RlpReader r = RlpReader.ofList(signBytes);
        String chainId = r.string();
        MessageType type = MessageType.ofCode(r.uint64("vote type"));
        long height = r.uint64("vote height");
        int round = r.uint32("vote round");
        Hash32 value = Codec.optionalHash(r.bytes(), "vote value");
        r.finish("vote sign bytes");
        return new Vote(chainId, type, height, round, value);
    }

    /** The 32-byte digest a validator's key signs: keccak256 of {@link #signBytes()}. */
    public Hash32 digest() {
        return Keccak.hash(signBytes());
    }

    /** Signs directly with a key, bypassing the signing guard: for tools and single-validator dev mode. */
    public SignedVote signWith(SigningKey key) {
        return new SignedVote(this, key.address(), key.sign(digest()));
    }

    @Override
    public String toString() {
        return type + "(h=" + height + ", r=" + round + ", " + (value == null ? "nil" : value.toHex()) + ")";
    }
}
