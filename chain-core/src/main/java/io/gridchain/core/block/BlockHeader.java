package io.gridchain.core.block;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/**
 * A block header. {@code stateRoot} is the root after executing this block's transactions;
 * {@code lastCommitHash} is the hash of the certificate for the parent, carried in this block.
 */
public record BlockHeader(long chainId, long height, Hash32 parentHash, long timestampMillis, Address proposer,
                          Hash32 transactionsRoot, Hash32 stateRoot, Hash32 validatorSetHash,
                          Hash32 lastCommitHash) {

    public byte[] encode() {
        return Rlp.list(Rlp.uint(chainId), Rlp.uint(height), Rlp.bytes(parentHash.bytes()), Rlp.uint(timestampMillis),
                Rlp.bytes(proposer.bytes()), Rlp.bytes(transactionsRoot.bytes()), Rlp.bytes(stateRoot.bytes()),
                Rlp.bytes(validatorSetHash.bytes()), Rlp.bytes(lastCommitHash.bytes()));
    }

    public Hash32 hash() {
        return Keccak.hash(encode());
    }

    public static BlockHeader decode(byte[] bytes) {
        return decode(RlpReader.ofList(bytes));
    }

    public static BlockHeader decode(RlpReader r) {
        BlockHeader h = new BlockHeader(r.uint64("chainId"), r.uint64("height"), hash(r, "parentHash"),
                r.uint64("timestamp"), Address.of(r.bytes(20, "proposer")), hash(r, "transactionsRoot"),
                hash(r, "stateRoot"), hash(r, "validatorSetHash"), hash(r, "lastCommitHash"));
        r.finish("block header");
        return h;
    }

    private static Hash32 hash(RlpReader r, String field) {
        return Hash32.of(r.bytes(32, field));
    }
}
