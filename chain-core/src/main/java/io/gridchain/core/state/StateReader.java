package io.gridchain.core.state;

import io.gridchain.core.bytes.Bytes;
import java.util.Optional;

/** Read access to the ledger's key-value state as of one point (a committed height or an overlay). */
public interface StateReader {
    Optional<byte[]> get(Bytes key);

    /**
     * Reads a value the caller will only add to, such as the balance a credit goes to. Its value cannot
     * decide whether a transaction applies — genesis caps the supply at a long and no transaction
     * mints, so no credit overflows — so a view that records reads to know when to re-validate (the
     * mempool's) may leave it out. Anything else reads with {@link #get}.
     */
    default Optional<byte[]> getToAddTo(Bytes key) {
        return get(key);
    }
}
