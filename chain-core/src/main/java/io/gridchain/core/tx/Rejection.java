package io.gridchain.core.tx;

/**
 * Why a transaction was refused. {@code code} is a stable slug (clients match on it; the API turns it
 * into the problem type), {@code detail} says what exactly was wrong with this transaction.
 */
public record Rejection(String code, String detail) {
    public static final String WRONG_CHAIN = "wrong-chain";
    public static final String BAD_SIGNATURE = "bad-signature";
    public static final String MALFORMED = "malformed-transaction";
    public static final String NONCE_USED = "nonce-already-used";
    public static final String NONCE_GAP = "nonce-gap";
    public static final String FEE_TOO_LOW = "fee-too-low";
    public static final String INSUFFICIENT_BALANCE = "insufficient-balance";
    public static final String UNKNOWN_KIND = "unknown-kind";
    public static final String TOO_LARGE = "transaction-too-large";
    public static final String INVALID_PAYLOAD = "invalid-payload";

    public static Rejection of(String code, String detail) {
        return new Rejection(code, detail);
    }
}
