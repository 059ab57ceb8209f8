package io.gridchain.consensus.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateVoteEvidenceTest {
    final SigningKey k1 = SigningKey.fromPrivateKey(Keccak.hash(new byte[] {1}).bytes());
    final SigningKey k2 = SigningKey.fromPrivateKey(Keccak.hash(new byte[] {2}).bytes());
    final ValidatorSet set = ValidatorSet.of(List.of(new Validator(k1.address(), k1.compressedPublicKey(), 5),
            new Validator(k2.address(), k2.compressedPublicKey(), 5)));
    final Hash32 a = Keccak.hash(new byte[] {10});
    final Hash32 b = Keccak.hash(new byte[] {11});

    EvidenceCheck check(SignedVote x, SignedVote y) {
        return EvidenceVerifier.SECP256K1.verify(DuplicateVoteEvidence.of(x, y), "c", set);
    }

    @Test
    void twoVotesForOneSlotAreProof() {
        SignedVote x = Vote.prevote("c", 3, 1, a).signWith(k1);
        SignedVote y = Vote.prevote("c", 3, 1, null).signWith(k1);
        assertThat(check(x, y)).isEqualTo(new EvidenceCheck.Valid(5));
        DuplicateVoteEvidence e = DuplicateVoteEvidence.of(y, x);
        assertThat(e).isEqualTo(DuplicateVoteEvidence.of(x, y));
        assertThat(DuplicateVoteEvidence.decode(e.encode())).isEqualTo(e);
    }

    @Test
    void notProof() {
        SignedVote x = Vote.prevote("c", 3, 1, a).signWith(k1);
        assertThat(reason(check(x, Vote.prevote("c", 3, 1, b).signWith(k2)))).isEqualTo(EvidenceCheck.Reason.DIFFERENT_VALIDATORS);
        assertThat(reason(check(x, Vote.prevote("c", 3, 2, b).signWith(k1)))).isEqualTo(EvidenceCheck.Reason.DIFFERENT_SLOTS);
        assertThat(reason(check(x, Vote.precommit("c", 3, 1, b).signWith(k1)))).isEqualTo(EvidenceCheck.Reason.DIFFERENT_SLOTS);
        assertThat(reason(check(x, Vote.prevote("c", 3, 1, a).signWith(k1)))).isEqualTo(EvidenceCheck.Reason.SAME_VALUE);
        SignedVote forged = new SignedVote(Vote.prevote("c", 3, 1, b), k1.address(), x.signature());
        assertThat(reason(check(x, forged))).isEqualTo(EvidenceCheck.Reason.BAD_SIGNATURE);
    }

    private static EvidenceCheck.Reason reason(EvidenceCheck c) {
        assertThat(c).isInstanceOf(EvidenceCheck.Invalid.class);
        return ((EvidenceCheck.Invalid) c).reason();
    }
}
