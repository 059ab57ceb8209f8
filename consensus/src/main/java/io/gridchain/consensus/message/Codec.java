package io.gridchain.consensus.message;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.rlp.RlpException;

/** Field decoders shared by the message encodings. */
final class Codec {
    private Codec() {}

    static Hash32 optionalHash(byte[] b, String field) {
        if (b.length == 0) {
            return null;
        }
        if (b.length != 32) {
            throw new RlpException(field + " must be empty (nil) or 32 bytes, got " + b.length);
        }
        return Hash32.of(b);
    }

    static Signature signature(byte[] b, String field) {
        Signature.Decoded d = Signature.decode(b);
        if (d instanceof Signature.Decoded.Valid valid) {
            return valid.signature();
        }
        throw new RlpException(field + ": " + ((Signature.Decoded.Invalid) d).reason());
    }
}
