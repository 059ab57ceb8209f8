package io.gridchain.core.tx;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;

/** Where a transaction executes: the block it is (or would be) in, and who sent it. */
public record TxContext(long chainId, long height, long timestampMillis, Address proposer, Address sender,
                        Hash32 txHash) {}
