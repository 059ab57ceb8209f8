package io.gridchain.node.chain;

import io.gridchain.consensus.certificate.CommitCertificates;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.SigningKey;
import java.util.List;

/**
 * Dev mode's certificate: the one validator's precommit, in the same format and verified by the same
 * {@code CommitCertificateVerifier} as a BFT network's. It signs without the signing guard: with one
 * validator there is nobody to equivocate to, and after a crash the rebuilt block must be signable.
 */
public final class SingleValidatorCertifier implements BlockCertifier {
    private final SigningKey key;
    private final String chainId;

    public SingleValidatorCertifier(SigningKey key, long chainId) {
        this.key = key;
        this.chainId = Long.toString(chainId);
    }

    @Override
    public CommitCertificate certify(Block block) {
        return CommitCertificates.of(List.of(Vote.precommit(chainId, block.height(), 0, block.hash()).signWith(key)));
    }
}
