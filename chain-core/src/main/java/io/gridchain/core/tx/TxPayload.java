package io.gridchain.core.tx;

/** The kind-specific part of a transaction. Each kind has one payload type, one handler, one registration. */
public interface TxPayload {
    String kind();

    /** The canonical RLP encoding of this payload. */
    byte[] encode();
}
