package io.gridchain.consensus.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.consensus.message.SignedVote;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.block.CommitCertificate.CommitSignature;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitCertificateVerifierTest {
    static final String CHAIN = "cert-test";
    static final Hash32 BLOCK = Keccak.hash(new byte[] {42});
    final List<SigningKey> keys = new ArrayList<>();
    final ValidatorSet set;
    final CommitCertificateVerifier verifier = CommitCertificateVerifier.SECP256K1;

    CommitCertificateVerifierTest() {
        List<Validator> vs = new ArrayList<>();
        long[] powers = {40, 30, 20, 10};
        for (int i = 0; i < 5; i++) {
            SigningKey k = SigningKey.fromPrivateKey(Keccak.hash(Rlp.list(Rlp.string("cert"), Rlp.uint(i))).bytes());
            keys.add(k);
            if (i < 4) {
                vs.add(new Validator(k.address(), k.compressedPublicKey(), powers[i]));
            }
        }
        set = ValidatorSet.of(vs);
    }

    CommitCertificate signedBy(int... who) {
        List<SignedVote> votes = new ArrayList<>();
        for (int i : who) {
            votes.add(Vote.precommit(CHAIN, 7, 2, BLOCK).signWith(keys.get(i)));
        }
        return CommitCertificates.of(votes);
    }

    CertificateCheck.Reason reason(CertificateCheck c) {
        assertThat(c).isInstanceOf(CertificateCheck.Invalid.class);
        return ((CertificateCheck.Invalid) c).reason();
    }

    @Test
    void moreThanTwoThirdsOfThePowerIsValid() {
        assertThat(verifier.verify(signedBy(0, 1, 3), set, CHAIN, 7, BLOCK)).isEqualTo(new CertificateCheck.Valid(80, 100));
        assertThat(CommitCertificate.decode(signedBy(0, 1, 3).encode())).isEqualTo(signedBy(0, 1, 3));
    }

    @Test
    void eachWayToBeWrongHasItsReason() {
        assertThat(reason(verifier.verify(signedBy(1, 2, 3), set, CHAIN, 7, BLOCK))).isEqualTo(CertificateCheck.Reason.INSUFFICIENT_POWER);
        assertThat(reason(verifier.verify(signedBy(0, 1, 4), set, CHAIN, 7, BLOCK))).isEqualTo(CertificateCheck.Reason.UNKNOWN_SIGNER);
        assertThat(reason(verifier.verify(signedBy(0, 1, 3), set, CHAIN, 8, BLOCK))).isEqualTo(CertificateCheck.Reason.WRONG_HEIGHT);
        assertThat(reason(verifier.verify(signedBy(0, 1, 3), set, CHAIN, 7, Hash32.ZERO))).isEqualTo(CertificateCheck.Reason.WRONG_BLOCK_HASH);
        assertThat(reason(verifier.verify(signedBy(0, 1, 3), set, "other-chain", 7, BLOCK))).isEqualTo(CertificateCheck.Reason.BAD_SIGNATURE);

        CommitCertificate good = signedBy(0, 1);
        List<CommitSignature> dup = new ArrayList<>(good.signatures());
        dup.add(good.signatures().get(0));
        assertThat(reason(verifier.verify(new CommitCertificate(7, 2, BLOCK, dup), set, CHAIN, 7, BLOCK)))
                .isEqualTo(CertificateCheck.Reason.DUPLICATE_SIGNER);

        List<CommitSignature> swapped = new ArrayList<>();
        swapped.add(new CommitSignature(good.signatures().get(0).validator(), good.signatures().get(1).signature()));
        swapped.add(good.signatures().get(1));
        assertThat(reason(verifier.verify(new CommitCertificate(7, 2, BLOCK, swapped), set, CHAIN, 7, BLOCK)))
                .isEqualTo(CertificateCheck.Reason.BAD_SIGNATURE);

        CommitCertificate otherRound = new CommitCertificate(7, 3, BLOCK, signedBy(0, 1, 3).signatures());
        assertThat(reason(verifier.verify(otherRound, set, CHAIN, 7, BLOCK))).isEqualTo(CertificateCheck.Reason.BAD_SIGNATURE);
    }

    @Test
    void aSingleValidatorDevChainCertifiesItsOwnBlocks() {
        SigningKey dev = keys.get(0);
        ValidatorSet single = ValidatorSet.of(List.of(new Validator(dev.address(), dev.compressedPublicKey(), 1)));
        CommitCertificate cert = CommitCertificates.of(List.of(Vote.precommit(CHAIN, 1, 0, BLOCK).signWith(dev)));
        assertThat(verifier.verify(cert, single, CHAIN, 1, BLOCK).isValid()).isTrue();
    }
}
