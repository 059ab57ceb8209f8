package io.gridchain.core.block;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The proof that a block was decided: precommit signatures of validators over the block's hash at
 * (height, round). This type is only the data and its encoding; what the signatures cover and when
 * they amount to a quorum is the consensus module's {@code CommitCertificateVerifier}.
 */
public record CommitCertificate(long height, int round, Hash32 blockHash, List<CommitSignature> signatures) {
    /** The certificate carried by block 1, whose parent is genesis and needs none. */
    public static final CommitCertificate GENESIS = new CommitCertificate(0, 0, Hash32.ZERO, List.of());

    public CommitCertificate {
        signatures = List.copyOf(signatures);
    }

    public record CommitSignature(Address validator, Signature signature) {}

    public byte[] encode() {
        List<byte[]> sigs = new ArrayList<>(signatures.size());
        for (CommitSignature s : signatures) {
            sigs.add(Rlp.list(Rlp.bytes(s.validator().bytes()), Rlp.bytes(s.signature().bytes())));
        }
        return Rlp.list(Rlp.uint(height), Rlp.uint(round), Rlp.bytes(blockHash.bytes()), Rlp.list(sigs));
    }

    public Hash32 hash() {
        return Keccak.hash(encode());
    }

    public static CommitCertificate decode(byte[] encoded) {
        return decode(RlpReader.ofList(encoded));
    }

    /** Reads the fields of an already-opened certificate list. */
    public static CommitCertificate decode(RlpReader r) {
        long height = r.uint64("certificate height");
        int round = r.uint32("certificate round");
        Hash32 blockHash = Hash32.of(r.bytes(32, "certificate block hash"));
        RlpReader list = r.list();
        List<CommitSignature> sigs = new ArrayList<>();
        while (list.hasNext()) {
            RlpReader s = list.list();
            Address validator = Address.of(s.bytes(20, "certificate signer"));
            Signature.Decoded decoded = Signature.decode(s.bytes());
            if (decoded instanceof Signature.Decoded.Invalid invalid) {
                throw new RlpException("certificate signature: " + invalid.reason());
            }
            s.finish("certificate signature");
            sigs.add(new CommitSignature(validator, ((Signature.Decoded.Valid) decoded).signature()));
        }
        r.finish("commit certificate");
        return new CommitCertificate(height, round, blockHash, sigs);
    }
}
