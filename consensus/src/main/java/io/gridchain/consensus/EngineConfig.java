package io.gridchain.consensus;

/** What an engine needs besides its signer: the chain it votes on and its timeouts. */
public record EngineConfig(String chainId, TimeoutConfig timeouts) {
    public EngineConfig {
        if (chainId == null || chainId.isEmpty()) {
            throw new IllegalArgumentException("chain id is required");
        }
    }
}
