package io.gridchain.core.exec;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.params.ChainParams;

/** What execution needs to know of the block being executed; the parameters are those in force before it. */
public record BlockInfo(long chainId, long height, long timestampMillis, Address proposer, ChainParams params) {}
