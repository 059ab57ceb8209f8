package io.gridchain.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A transaction as received from a peer or the API: {@link Transaction#decode} answers Ok with a
 * transaction whose encoding is exactly the input (the hash is of what was sent), or Malformed with a
 * reason; it never throws. Sender recovery and the transfer payload decoder never throw anything but
 * their documented refusal.
 */
@Tag("fuzz")
class TransactionFuzzTest {
    private static final int MAX_TX_BYTES = 65_536; // the node's default transaction size limit

    static Stream<byte[]> seeds() {
        SigningKey alice = SigningKey.fromPrivateKey(Hex.decode("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
        Address bob = Address.require("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        return Stream.of(
                new UnsignedTransaction(1337, 0, 1000, new Transfer(bob, 5)).signWith(alice).encode(),
                new UnsignedTransaction(Long.MAX_VALUE, Long.MAX_VALUE, 0, new Transfer(bob, Long.MAX_VALUE)).signWith(alice).encode());
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void decodesToATransactionThatReEncodesToTheInputOrAReason(byte[] input) {
        Transaction.Decoded decoded = Transaction.decode(input, MAX_TX_BYTES);
        if (decoded instanceof Transaction.Decoded.Malformed malformed) {
            assertThat(malformed.reason()).isNotBlank();
            return;
        }
        Transaction tx = ((Transaction.Decoded.Ok) decoded).transaction();
        assertThat(tx.encode()).isEqualTo(input);
        assertThat(tx.size()).isEqualTo(input.length);
        tx.sender(); // empty or an address, never an exception
        if (tx.kind().equals("transfer")) {
            try {
                Transfer transfer = Transfer.decode(tx.payload());
                assertThat(transfer.encode()).isEqualTo(tx.payload());
            } catch (RlpException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }
}
