package io.gridchain.node.chain;

import io.gridchain.core.block.Block;
import io.gridchain.core.state.StateCommitment;

/** What a node starts a chain from: the genesis block (height 0), its state, and the document's bytes. */
public record GenesisData(long chainId, Block block, StateCommitment.Commit state, byte[] document) {}
