package io.gridchain.lightclient;

import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.validator.ValidatorSet;

/**
 * What a provider answers for one height, none of it trusted yet: the header, the certificate that
 * decided it (null for the genesis, which has none), the validator set the header names (it signs this
 * height), and the Merkle proof, against this header's state root, of the validator-set key — which holds
 * the hash of the set that signs the next height. The header names only its own set, so that proof is how
 * a header commits to its successor's set (CometBFT's {@code NextValidatorsHash}).
 */
public record LightBlock(BlockHeader header, CommitCertificate commit, ValidatorSet validators,
                         SmtProof nextValidatorsProof) {
    public long height() {
        return header.height();
    }
}
