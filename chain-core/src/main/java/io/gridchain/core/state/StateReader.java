package io.gridchain.core.state;

import io.gridchain.core.bytes.Bytes;
import java.util.Optional;

/** Read access to the ledger's key-value state as of one point (a committed height or an overlay). */
public interface StateReader {
    Optional<byte[]> get(Bytes key);
}
