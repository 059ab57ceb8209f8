package io.gridchain.consensus.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCodecTest {
    final SigningKey key = SigningKey.fromPrivateKey(Keccak.hash(new byte[] {3}).bytes());
    final Hash32 v = Keccak.hash(new byte[] {4});

    @Test
    void signedMessagesRoundTripAndVerify() {
        ValidatorSet set = ValidatorSet.of(List.of(new Validator(key.address(), key.compressedPublicKey(), 1)));
        for (SignedVote sv : List.of(Vote.prevote("c", 9, 2, v).signWith(key), Vote.precommit("c", 9, 2, null).signWith(key))) {
            assertThat(SignedVote.decode(sv.encode())).isEqualTo(sv);
            assertThat(MessageVerifier.SECP256K1.verify(sv, "c", set).isValid()).isTrue();
            assertThat(MessageVerifier.SECP256K1.verify(sv, "d", set))
                    .isEqualTo(new MessageCheck.Invalid(MessageCheck.Reason.WRONG_CHAIN, "message is for chain 'c', this is 'd'"));
        }
        SignedProposal sp = new Proposal("c", 9, 2, v, 1).signWith(key);
        assertThat(SignedProposal.decode(sp.encode())).isEqualTo(sp);
        assertThat(MessageVerifier.SECP256K1.verify(sp, "c", set).isValid()).isTrue();
        SignedProposal moved = new SignedProposal(new Proposal("c", 9, 3, v, 1), key.address(), sp.signature());
        assertThat(MessageVerifier.SECP256K1.verify(moved, "c", set)).isInstanceOf(MessageCheck.Invalid.class);
    }

    @Test
    void everySignedFieldChangesTheSignBytes() {
        byte[] base = Vote.prevote("c", 1, 0, v).signBytes();
        assertThat(Vote.prevote("d", 1, 0, v).signBytes()).isNotEqualTo(base);
        assertThat(Vote.precommit("c", 1, 0, v).signBytes()).isNotEqualTo(base);
        assertThat(Vote.prevote("c", 2, 0, v).signBytes()).isNotEqualTo(base);
        assertThat(Vote.prevote("c", 1, 1, v).signBytes()).isNotEqualTo(base);
        assertThat(Vote.prevote("c", 1, 0, null).signBytes()).isNotEqualTo(base);
        assertThat(new Proposal("c", 1, 0, v, -1).signBytes()).isNotEqualTo(new Proposal("c", 1, 0, v, 0).signBytes());
    }

    @Test
    void malformedBytesAreRefusedWithAReason() {
        byte[] bad = Vote.prevote("c", 1, 0, v).signWith(key).encode();
        bad[bad.length - 1] = 0; // v = 0
        assertThatThrownBy(() -> SignedVote.decode(bad)).isInstanceOf(RlpException.class).hasMessageContaining("signature");
    }
}
