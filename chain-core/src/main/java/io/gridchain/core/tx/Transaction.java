package io.gridchain.core.tx;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one transaction envelope: chain id, sender nonce, fee, kind, kind-specific payload (its own RLP
 * encoding), and the sender's signature over keccak256 of the RLP list of the first five. The sender
 * is recovered from the signature; the hash is keccak256 of the complete signed encoding.
 */
public final class Transaction {
    private final long chainId;
    private final long nonce;
    private final long fee;
    private final String kind;
    private final byte[] payload;
    private final Signature signature;
    private final byte[] encoded;
    private final Hash32 hash;
    private volatile Optional<Address> sender;
    /** The kind's decoding of {@link #payload}, kept: the mempool and every block check execute it again. */
    private volatile TxPayload decodedPayload;

    Transaction(long chainId, long nonce, long fee, String kind, byte[] payload, Signature signature) {
        this.chainId = chainId;
        this.nonce = nonce;
        this.fee = fee;
        this.kind = kind;
        this.payload = payload;
        this.signature = signature;
        this.encoded = Rlp.list(Rlp.uint(chainId), Rlp.uint(nonce), Rlp.uint(fee), Rlp.string(kind),
                Rlp.bytes(payload), Rlp.bytes(signature.bytes()));
        this.hash = Keccak.hash(encoded);
    }

    static byte[] signingBytes(long chainId, long nonce, long fee, String kind, byte[] payload) {
        return Rlp.list(Rlp.uint(chainId), Rlp.uint(nonce), Rlp.uint(fee), Rlp.string(kind), Rlp.bytes(payload));
    }

    /**
     * Decodes the signed encoding, refusing anything over {@code maxBytes} before parsing. Only the
     * shape is checked here: whether the sender can be recovered is {@link #sender()}.
     */
    public static Decoded decode(byte[] bytes, int maxBytes) {
        if (bytes.length > maxBytes) {
            return new Decoded.Malformed("transaction is " + bytes.length + " bytes, the limit is " + maxBytes);
        }
        try {
            RlpReader r = RlpReader.ofList(bytes);
            long chainId = r.uint64("chainId");
            long nonce = r.uint64("nonce");
            long fee = r.uint64("fee");
            String kind = r.string();
            byte[] payload = r.bytes();
            byte[] sig = r.bytes();
            r.finish("transaction");
            Signature.Decoded decoded = Signature.decode(sig);
            if (decoded instanceof Signature.Decoded.Invalid invalid) {
                return new Decoded.Malformed(invalid.reason());
            }
            return new Decoded.Ok(new Transaction(chainId, nonce, fee, kind, payload,
                    ((Signature.Decoded.Valid) decoded).signature()));
        } catch (RlpException e) {
            return new Decoded.Malformed("transaction encoding: " + e.getMessage());
        }
    }

    /** Recovers (once) the address that signed this transaction; empty if the signature fits no key. */
    public Optional<Address> sender() {
        Optional<Address> s = sender;
        if (s == null) {
            s = signature.recoverSigner(Keccak.hash(signingBytes(chainId, nonce, fee, kind, payload)));
            sender = s;
        }
        return s;
    }

    /** The sender, for transactions already admitted (whose signature was checked). */
    public Address requireSender() {
        return sender().orElseThrow(() -> new IllegalStateException("transaction " + hash + " has no valid signer"));
    }

    public long chainId() {
        return chainId;
    }

    public long nonce() {
        return nonce;
    }

    public long fee() {
        return fee;
    }

    public String kind() {
        return kind;
    }

    public byte[] payload() {
        return payload.clone();
    }

    /**
     * The payload as {@code decoder} (this kind's handler) decodes it, decoded once; a decoding failure
     * is thrown each time and never kept. Payloads are immutable values, so sharing one is safe.
     */
    @SuppressWarnings("unchecked")
    public <P extends TxPayload> P decodedPayload(Function<byte[], P> decoder) {
        TxPayload decoded = decodedPayload;
        if (decoded == null) {
            decoded = decoder.apply(payload.clone());
            decodedPayload = decoded;
        }
        return (P) decoded;
    }

    public Signature signature() {
        return signature;
    }

    public Hash32 hash() {
        return hash;
    }

    public byte[] encode() {
        return encoded.clone();
    }

    public int size() {
        return encoded.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transaction t && Arrays.equals(encoded, t.encoded);
    }

    @Override
    public int hashCode() {
        return hash.hashCode();
    }

    @Override
    public String toString() {
        return "Transaction(" + hash + ", " + kind + ", nonce " + nonce + ")";
    }

    public sealed interface Decoded {
        record Ok(Transaction transaction) implements Decoded {}

        record Malformed(String reason) implements Decoded {}
    }
}
