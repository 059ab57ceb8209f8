package io.gridchain.lightclient;

import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.validator.ValidatorSet;

/**
 * A header the client trusts, with the set that signed it and the hash of the set that signs the next
 * height. A root comes from outside (the genesis document, or a height and hash the user chose); every
 * other one is the result of a verification.
 */
public record TrustedBlock(BlockHeader header, ValidatorSet validators, Hash32 nextValidatorSetHash) {
    public TrustedBlock {
        if (!validators.hash().equals(header.validatorSetHash())) {
            throw new IllegalArgumentException("the validator set is not the one header " + header.height() + " names");
        }
    }

    /**
     * The genesis as a root: its state holds its own validator set, so the set signing height 1 is the
     * genesis set (genesis's {@code GenesisState} writes exactly that).
     */
    public static TrustedBlock genesis(BlockHeader genesisHeader, ValidatorSet validators) {
        return new TrustedBlock(genesisHeader, validators, validators.hash());
    }

    public long height() {
        return header.height();
    }

    public Hash32 hash() {
        return header.hash();
    }
}
