package io.gridchain.node.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Transfer;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.InMemoryKeyValueStore;
import io.gridchain.node.testing.TestChain;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {
    private final TestChain chain = new TestChain(1);
    private final ChainStore store = new ChainStore(new InMemoryKeyValueStore(), 1 << 20);
    private final Ledger ledger = Ledger.open(store, chain.genesis, ChainRules.standard());
    private final SingleValidatorCertifier certifier = new SingleValidatorCertifier(chain.validator, TestChain.CHAIN_ID);

    private void commitBlocks(int count, boolean corruptLast) {
        SigningKey bob = SigningKey.random(new SecureRandom());
        for (int i = 0; i < count; i++) {
            Transaction tx = new UnsignedTransaction(TestChain.CHAIN_ID, i, 1_000, new Transfer(bob.address(), 5))
                    .signWith(chain.accounts.get(0));
            long head = ledger.head().height();
            CommitCertificate last = head == 0 ? CommitCertificate.GENESIS : store.certificate(head).orElseThrow();
            PreparedBlock prepared = ledger.build(1_800_000_000_000L + i * 1000L, chain.validator.address(), List.of(tx), last);
            if (corruptLast && i == count - 1) {
                BlockHeader h = prepared.block().header();
                BlockHeader bad = new BlockHeader(h.chainId(), h.height(), h.parentHash(), h.timestampMillis(), h.proposer(),
                        h.transactionsRoot(), Hash32.ZERO, h.validatorSetHash(), h.lastCommitHash());
                Block block = new Block(bad, prepared.block().transactions(), prepared.block().lastCommit());
                prepared = new PreparedBlock(block, prepared.executed(), prepared.state(), prepared.dropped());
            }
            ledger.commit(prepared, certifier.certify(prepared.block()));
        }
    }

    @Test
    void aSoundChainVerifiesToItsHeadAndReportsProgress() {
        commitBlocks(5, false);
        List<Long> progress = new ArrayList<>();
        ChainVerifier.Result result = ChainVerifier.verify(store, new InMemoryKeyValueStore(), progress::add);
        assertThat(result).isEqualTo(new ChainVerifier.Result.Verified(5, ledger.head().stateRoot()));
        assertThat(progress).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aBlockWhoseStateRootDiffersFromExecutionIsReported() {
        commitBlocks(3, true);
        ChainVerifier.Result result = ChainVerifier.verify(store, new InMemoryKeyValueStore(), h -> {});
        assertThat(result).isInstanceOfSatisfying(ChainVerifier.Result.Failed.class, f -> {
            assertThat(f.height()).isEqualTo(3);
            assertThat(f.reason()).contains("state root");
        });
    }

    /** Defect 7 of issue #14: a last commit is checked against the parent's set, not only hashed into the header. */
    @Test
    void aBlockWhoseLastCommitIsSignedByOutsidersIsRefused() {
        commitBlocks(2, false);
        SigningKey outsider = SigningKey.random(new SecureRandom());
        Block parent = ledger.headBlock();
        CommitCertificate forged = new SingleValidatorCertifier(outsider, TestChain.CHAIN_ID).certify(parent);
        PreparedBlock next = ledger.build(1_800_000_100_000L, chain.validator.address(), List.of(), forged);
        assertThat(ledger.validate(next.block())).isInstanceOfSatisfying(Ledger.Validated.Invalid.class,
                invalid -> assertThat(invalid.reason()).startsWith("last commit is not a quorum's certificate of block 2"));

        PreparedBlock honest = ledger.build(1_800_000_100_000L, chain.validator.address(), List.of(),
                store.certificate(2).orElseThrow());
        assertThat(ledger.validate(honest.block())).isInstanceOf(Ledger.Validated.Valid.class);
    }
}
