package io.gridchain.node.bft;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gridchain.consensus.message.Proposal;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.block.TransactionsRoot;
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
 * What a validator reads off the consensus gossip topic: {@link ConsensusMessage#decode} gives a
 * proposal with its block, or a vote, that encodes back to exactly the input, or throws
 * {@link RlpException}; nothing else. (Read-only use of the bft package: a finding here is reported,
 * not fixed, while that package is being refactored.)
 */
@Tag("fuzz")
class ConsensusMessageFuzzTest {
    private static final int MAX_TX_BYTES = 65_536;

    static Stream<byte[]> seeds() {
        SigningKey key = SigningKey.fromPrivateKey(Keccak.hash(new byte[] {3}).bytes());
        List<Transaction> txs = List.of(new UnsignedTransaction(1337, 0, 1000, new Transfer(key.address(), 1)).signWith(key));
        BlockHeader header = new BlockHeader(1337, 2, Keccak.hash(new byte[] {2}), 1_700_000_000_000L, key.address(),
                TransactionsRoot.of(txs), Hash32.ZERO, Hash32.ZERO, CommitCertificate.GENESIS.hash());
        Block block = new Block(header, txs, CommitCertificate.GENESIS);
        var proposal = new Proposal("gridchain-1337", 2, 0, block.hash(), -1).signWith(key);
        var vote = Vote.precommit("gridchain-1337", 2, 0, block.hash()).signWith(key);
        return Stream.of(ConsensusMessage.encode(new ConsensusMessage.ProposalWithBlock(proposal, block)),
                ConsensusMessage.encode(new ConsensusMessage.VoteMessage(vote)));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void decodesToAMessageThatReEncodesToTheInputOrRefuses(byte[] input) {
        ConsensusMessage m;
        try {
            m = ConsensusMessage.decode(input, MAX_TX_BYTES, hash -> null);
        } catch (RlpException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        assertThat(ConsensusMessage.encode(m)).isEqualTo(input);
    }
}
