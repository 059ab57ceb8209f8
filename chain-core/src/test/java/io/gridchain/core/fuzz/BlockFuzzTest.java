package io.gridchain.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.block.TransactionsRoot;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A block as received in block sync or a proposal: {@link Block#decode} gives a block that re-encodes
 * to exactly the input (so its hash is the hash of what was received) or throws {@link RlpException};
 * checking the body against the header ({@link Block#bodyMismatch}) never throws.
 */
@Tag("fuzz")
class BlockFuzzTest {
    private static final int MAX_TX_BYTES = 65_536;

    static Stream<byte[]> seeds() {
        SigningKey key = SigningKey.fromPrivateKey(Hex.decode("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));
        Address to = Address.require("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        List<Transaction> txs = List.of(new UnsignedTransaction(7, 0, 1000, new Transfer(to, 42)).signWith(key),
                new UnsignedTransaction(7, 1, 1000, new Transfer(to, 43)).signWith(key));
        Hash32 blockHash = Keccak.hash(new byte[] {1});
        CommitCertificate cert = new CommitCertificate(9, 2, blockHash,
                List.of(new CommitCertificate.CommitSignature(key.address(), key.sign(blockHash))));
        BlockHeader header = new BlockHeader(7, 10, Keccak.hash(new byte[] {2}), 1_700_000_000_123L, key.address(),
                TransactionsRoot.of(txs), Keccak.hash(new byte[] {4}), Keccak.hash(new byte[] {5}), cert.hash());
        BlockHeader empty = new BlockHeader(7, 1, Hash32.ZERO, 1, key.address(), TransactionsRoot.of(List.of()),
                Hash32.ZERO, Hash32.ZERO, CommitCertificate.GENESIS.hash());
        return Stream.of(new Block(header, txs, cert).encode(), new Block(empty, List.of(), CommitCertificate.GENESIS).encode());
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void decodesToABlockThatReEncodesToTheInputOrRefuses(byte[] input) {
        Block block;
        try {
            block = Block.decode(input, MAX_TX_BYTES);
        } catch (RlpException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(block.encode()).isEqualTo(input);
        assertThat(Block.decode(block.encode(), MAX_TX_BYTES)).isEqualTo(block);
        block.bodyMismatch().ifPresent(reason -> assertThat(reason).isNotBlank());
        assertThat(BlockHeader.decode(block.header().encode())).isEqualTo(block.header());
        assertThat(CommitCertificate.decode(block.lastCommit().encode())).isEqualTo(block.lastCommit());
    }
}
