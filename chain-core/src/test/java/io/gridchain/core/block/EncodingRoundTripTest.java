package io.gridchain.core.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridchain.core.account.Account;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.Receipt;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every type that is hashed or signed decodes back to itself, and its decoder refuses trailing input. */
class EncodingRoundTripTest {
    private final SigningKey key = SigningKey.random(new SecureRandom());
    private final Address to = SigningKey.random(new SecureRandom()).address();

    private Transaction tx(long nonce) {
        return new UnsignedTransaction(7, nonce, 1_000, new Transfer(to, 42)).signWith(key);
    }

    private CommitCertificate certificate() {
        Hash32 blockHash = Keccak.hash(new byte[] {1});
        return new CommitCertificate(9, 2, blockHash, List.of(new CommitCertificate.CommitSignature(key.address(), key.sign(blockHash))));
    }

    @Test
    void headersBlocksAndCertificatesRoundTrip() {
        BlockHeader header = new BlockHeader(7, 10, Keccak.hash(new byte[] {2}), 1_700_000_000_123L, key.address(),
                Keccak.hash(new byte[] {3}), Keccak.hash(new byte[] {4}), Keccak.hash(new byte[] {5}), certificate().hash());
        assertThat(BlockHeader.decode(header.encode())).isEqualTo(header);
        assertThat(CommitCertificate.decode(certificate().encode())).isEqualTo(certificate());
        Block block = new Block(header, List.of(tx(0), tx(1)), certificate());
        Block decoded = Block.decode(block.encode(), 65536);
        assertThat(decoded).isEqualTo(block);
        assertThat(decoded.hash()).isEqualTo(block.hash());
        assertThat(CommitCertificate.decode(CommitCertificate.GENESIS.encode())).isEqualTo(CommitCertificate.GENESIS);
    }

    @Test
    void stateValuesRoundTrip() {
        Account account = new Account(Long.MAX_VALUE, 3);
        assertThat(Account.STATE.decodeValue(Account.STATE.encodeValue(account))).isEqualTo(account);
        assertThat(ChainParams.decode(ChainParams.DEFAULTS.encode())).isEqualTo(ChainParams.DEFAULTS);
        ValidatorSet set = ValidatorSet.of(List.of(new Validator(key.address(), key.compressedPublicKey(), 5),
                new Validator(to, SigningKey.random(new SecureRandom()).compressedPublicKey(), 7)));
        assertThat(ValidatorSet.decode(set.encode())).isEqualTo(set);
        assertThat(ValidatorSet.decode(set.encode()).validators()).isEqualTo(set.validators());
        Receipt receipt = new Receipt(tx(0).hash(), 5, 1, 1_000, List.of(Event.of("transfer", "from", "a", "to", "b")));
        assertThat(Receipt.decode(receipt.encode())).isEqualTo(receipt);
        Transfer transfer = new Transfer(to, 99);
        assertThat(Transfer.decode(transfer.encode())).isEqualTo(transfer);
    }

    @Test
    void decodersRefuseTrailingBytes() {
        byte[] header = new BlockHeader(7, 10, Hash32.ZERO, 1, key.address(), Hash32.ZERO, Hash32.ZERO, Hash32.ZERO, Hash32.ZERO).encode();
        assertThatThrownBy(() -> BlockHeader.decode(java.util.Arrays.copyOf(header, header.length + 1)))
                .isInstanceOf(RlpException.class).hasMessageContaining("trailing");
        byte[] transfer = new Transfer(to, 1).encode();
        assertThatThrownBy(() -> Transfer.decode(java.util.Arrays.copyOf(transfer, transfer.length + 2)))
                .isInstanceOf(RlpException.class);
    }

    @Test
    void aValidatorSetIsOrderedSoItsHashIsTheSameOnEveryNode() {
        Validator a = new Validator(key.address(), key.compressedPublicKey(), 5);
        SigningKey other = SigningKey.random(new SecureRandom());
        Validator b = new Validator(other.address(), other.compressedPublicKey(), 5);
        assertThat(ValidatorSet.of(List.of(a, b)).hash()).isEqualTo(ValidatorSet.of(List.of(b, a)).hash());
        assertThatThrownBy(() -> ValidatorSet.of(List.of(a, a))).hasMessageContaining("twice");
    }
}
