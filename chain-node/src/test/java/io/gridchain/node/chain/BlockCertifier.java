package io.gridchain.node.chain;

import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;

/** Produces the commit certificate of a block this node decided alone (dev mode: one validator). */
public interface BlockCertifier {
    CommitCertificate certify(Block block);
}
