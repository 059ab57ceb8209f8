package io.gridchain.core.merkle;

import io.gridchain.core.crypto.Hash32;
import java.util.Optional;

/** Where the tree's nodes are kept, by hash. The node's storage adapter implements it. */
public interface NodeSource {
    Optional<byte[]> node(Hash32 hash);
}
