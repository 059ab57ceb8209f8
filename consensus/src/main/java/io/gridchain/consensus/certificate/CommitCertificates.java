package io.gridchain.consensus.certificate;

import io.gridchain.consensus.message.MessageType;
import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.block.CommitCertificate.CommitSignature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Builds the certificate a block carries from signed precommits for it. */
public final class CommitCertificates {
    private CommitCertificates() {}

    /**
     * The certificate made of {@code precommits}, which must all be precommits for one non-nil value
     * at one (chain, height, round) by distinct validators; signatures are sorted by validator address
     * so that the same votes always give the same certificate bytes. Whether they amount to a quorum
     * is {@link CommitCertificateVerifier}'s question.
     */
    public static CommitCertificate of(List<SignedVote> precommits) {
        if (precommits.isEmpty()) {
            throw new IllegalArgumentException("a commit certificate needs at least one precommit");
        }
        Vote first = precommits.get(0).vote();
        if (first.type() != MessageType.PRECOMMIT || first.isNil()) {
            throw new IllegalArgumentException("a commit certificate is made of precommits for a block: " + first);
        }
        List<SignedVote> sorted = new ArrayList<>(precommits);
        sorted.sort(Comparator.comparing(SignedVote::validator));
        List<CommitSignature> signatures = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            SignedVote v = sorted.get(i);
            if (!v.vote().equals(first)) {
                throw new IllegalArgumentException("precommits disagree: " + v.vote() + " vs " + first);
            }
            if (i > 0 && sorted.get(i - 1).validator().equals(v.validator())) {
                throw new IllegalArgumentException("two precommits by " + v.validator());
            }
            signatures.add(new CommitSignature(v.validator(), v.signature()));
        }
        return new CommitCertificate(first.height(), first.round(), first.value(), signatures);
    }
}
