package io.gridchain.core.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import org.junit.jupiter.api.Test;

class TransactionTest {
    private final SigningKey alice = SigningKey.fromPrivateKey(Hex.decode(
            "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
    private final Address bob = Address.require("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");

    private Transaction transfer() {
        return new UnsignedTransaction(1337, 0, 1000, new Transfer(bob, 5)).signWith(alice);
    }

    @Test
    void signedEncodingRoundTripsAndRecoversTheSender() {
        Transaction tx = transfer();
        Transaction.Decoded decoded = Transaction.decode(tx.encode(), 65536);
        assertThat(decoded).isInstanceOfSatisfying(Transaction.Decoded.Ok.class, ok -> {
            assertThat(ok.transaction()).isEqualTo(tx);
            assertThat(ok.transaction().hash()).isEqualTo(tx.hash());
            assertThat(ok.transaction().sender()).contains(alice.address());
            assertThat(Transfer.decode(ok.transaction().payload())).isEqualTo(new Transfer(bob, 5));
        });
    }

    @Test
    void theChainIdIsSignedSoAnotherChainRecoversAnotherSender() {
        Transaction tx = transfer();
        byte[] enc = Rlp.list(Rlp.uint(1), Rlp.uint(0), Rlp.uint(1000), Rlp.string("transfer"),
                Rlp.bytes(new Transfer(bob, 5).encode()), Rlp.bytes(tx.signature().bytes()));
        Transaction replayed = ((Transaction.Decoded.Ok) Transaction.decode(enc, 65536)).transaction();
        assertThat(replayed.sender()).isNotEqualTo(tx.sender());
    }

    @Test
    void oversizedTruncatedAndTrailingInputsAreMalformed() {
        byte[] enc = transfer().encode();
        assertThat(Transaction.decode(enc, enc.length - 1)).isInstanceOfSatisfying(Transaction.Decoded.Malformed.class,
                m -> assertThat(m.reason()).contains("limit"));
        assertThat(Transaction.decode(java.util.Arrays.copyOf(enc, enc.length - 3), 65536))
                .isInstanceOfSatisfying(Transaction.Decoded.Malformed.class, m -> assertThat(m.reason()).contains("truncated"));
        byte[] trailing = java.util.Arrays.copyOf(enc, enc.length + 1);
        assertThat(Transaction.decode(trailing, 65536)).isInstanceOfSatisfying(Transaction.Decoded.Malformed.class,
                m -> assertThat(m.reason()).contains("trailing"));
    }

    @Test
    void aHighSSignatureIsMalformed() {
        Transaction tx = transfer();
        byte[] sig = tx.signature().bytes();
        java.math.BigInteger n = new java.math.BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
        byte[] highS = org.web3j.utils.Numeric.toBytesPadded(n.subtract(tx.signature().s()), 32);
        System.arraycopy(highS, 0, sig, 32, 32);
        sig[64] = (byte) (sig[64] == 27 ? 28 : 27);
        byte[] enc = Rlp.list(Rlp.uint(1337), Rlp.uint(0), Rlp.uint(1000), Rlp.string("transfer"),
                Rlp.bytes(new Transfer(bob, 5).encode()), Rlp.bytes(sig));
        assertThat(Transaction.decode(enc, 65536)).isInstanceOfSatisfying(Transaction.Decoded.Malformed.class,
                m -> assertThat(m.reason()).contains("high-s"));
    }
}
