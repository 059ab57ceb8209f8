package io.gridchain.core.tx;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;

/** What a wallet fills in before signing. */
public record UnsignedTransaction(long chainId, long nonce, long fee, TxPayload payload) {
    public Hash32 signingHash() {
        return Keccak.hash(Transaction.signingBytes(chainId, nonce, fee, payload.kind(), payload.encode()));
    }

    public Transaction signWith(SigningKey key) {
        byte[] body = payload.encode();
        return new Transaction(chainId, nonce, fee, payload.kind(), body, key.sign(signingHash()));
    }
}
