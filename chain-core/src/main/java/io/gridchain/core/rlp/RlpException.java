package io.gridchain.core.rlp;

/** Input that is not canonical RLP; the message says exactly what is wrong and where. */
public final class RlpException extends RuntimeException {
    public RlpException(String message) {
        super(message);
    }
}
