package io.gridchain.node.mempool;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.tx.Rejection;

/** The mempool's answer to a submitted transaction. */
public sealed interface Admission {
    Hash32 hash();

    record Accepted(Hash32 hash) implements Admission {}

    record Refused(Hash32 hash, Rejection rejection) implements Admission {}
}
