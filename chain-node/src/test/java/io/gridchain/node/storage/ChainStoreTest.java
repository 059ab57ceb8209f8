package io.gridchain.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Account;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.Receipt;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.chain.ChainRules;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.chain.PreparedBlock;
import io.gridchain.node.chain.SingleValidatorCertifier;
import io.gridchain.node.storage.leveldb.LevelDbKeyValueStore;
import io.gridchain.node.testing.TestChain;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store on real LevelDB: what a block commit writes reads back the same, before and after reopening. */
class ChainStoreTest {
    private final TestChain chain = new TestChain(1);
    private final SingleValidatorCertifier certifier = new SingleValidatorCertifier(chain.validator, TestChain.CHAIN_ID);

    @TempDir
    Path dir;

    /** Commits {@code blocks} blocks of {@code perBlock} transfers each; returns the transactions in order. */
    private List<Transaction> commit(Ledger ledger, ChainStore store, int blocks, int perBlock) {
        return commit(ledger, store, blocks, perBlock, SigningKey.random(new SecureRandom()).address());
    }

    private List<Transaction> commit(Ledger ledger, ChainStore store, int blocks, int perBlock, Address to) {
        List<Transaction> all = new ArrayList<>();
        int nonce = 0;
        for (int b = 0; b < blocks; b++) {
            List<Transaction> txs = new ArrayList<>();
            for (int i = 0; i < perBlock; i++) {
                txs.add(new UnsignedTransaction(TestChain.CHAIN_ID, nonce++, 1_000, new Transfer(to, 5 + i))
                        .signWith(chain.accounts.get(0)));
            }
            long head = ledger.head().height();
            CommitCertificate last = head == 0 ? CommitCertificate.GENESIS : store.certificate(head).orElseThrow();
            PreparedBlock p = ledger.build(1_800_000_000_000L + b * 1000L, chain.validator.address(), txs, last);
            assertThat(p.block().transactions()).hasSize(perBlock);
            ledger.commit(p, certifier.certify(p.block()));
            all.addAll(txs);
        }
        return all;
    }

    @Test
    void receiptsAreFoundByTransactionHashAndByBlockInOrder() {
        ChainStore store = new ChainStore(LevelDbKeyValueStore.open(dir.toFile()), 1 << 20);
        Ledger ledger = Ledger.open(store, chain.genesis, ChainRules.standard());
        List<Transaction> txs = commit(ledger, store, 2, 3);

        for (int i = 0; i < txs.size(); i++) {
            Receipt r = store.receipt(txs.get(i).hash()).orElseThrow();
            assertThat(r.txHash()).isEqualTo(txs.get(i).hash());
            assertThat(r.height()).isEqualTo(1 + i / 3);
            assertThat(r.index()).isEqualTo(i % 3);
            assertThat(r.events()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo("transfer"));
        }
        assertThat(store.receipts(2)).extracting(Receipt::txHash)
                .containsExactly(txs.get(3).hash(), txs.get(4).hash(), txs.get(5).hash());
        assertThat(store.receipt(Keccak.hash(new byte[] {42}))).isEmpty();
        assertThat(store.receipts(0)).isEmpty();
        assertThat(store.receipts(99)).isEmpty();
        store.close();
    }

    /** Recent blocks are served from memory; after reopening they come from disk, and both are the same. */
    @Test
    void blocksReadTheSameFromMemoryAndAfterReopening() {
        List<Block> committed = new ArrayList<>();
        List<Transaction> txs;
        try (ChainStore store = new ChainStore(LevelDbKeyValueStore.open(dir.toFile()), 1 << 20)) {
            Ledger ledger = Ledger.open(store, chain.genesis, ChainRules.standard());
            txs = commit(ledger, store, 10, 2);
            for (long h = 1; h <= 10; h++) {
                committed.add(store.block(h).orElseThrow());
            }
        }
        try (ChainStore reopened = new ChainStore(LevelDbKeyValueStore.open(dir.toFile()), 1 << 20)) {
            for (long h = 1; h <= 10; h++) {
                Block b = reopened.block(h).orElseThrow();
                assertThat(b.encode()).isEqualTo(committed.get((int) h - 1).encode());
                assertThat(b.transactions()).extracting(t -> t.sender().orElseThrow())
                        .containsOnly(chain.accounts.get(0).address());
            }
            assertThat(reopened.receipt(txs.get(19).hash()).orElseThrow().height()).isEqualTo(10);
        }
    }

    /** A store written before receipts were kept per block: its receipts, one entry per transaction, are still read. */
    @Test
    void receiptsStoredOnePerTransactionAreStillFound() {
        LevelDbKeyValueStore kv = LevelDbKeyValueStore.open(dir.toFile());
        try (ChainStore store = new ChainStore(kv, 1 << 20)) {
            Ledger ledger = Ledger.open(store, chain.genesis, ChainRules.standard());
            List<Transaction> txs = commit(ledger, store, 1, 3);
            List<Receipt> written = store.receipts(1);
            KeyValueStore.WriteBatch asBefore = new KeyValueStore.WriteBatch();
            ChainStore.RECEIPTS.delete(asBefore, 1L);
            for (Receipt r : written) {
                ChainStore.RECEIPTS_BY_TX.put(asBefore, r.txHash(), r.encode());
            }
            kv.write(asBefore, true);

            assertThat(store.receipt(txs.get(2).hash()).orElseThrow().index()).isEqualTo(2);
            assertThat(store.receipts(1)).extracting(Receipt::txHash)
                    .containsExactly(txs.get(0).hash(), txs.get(1).hash(), txs.get(2).hash());
        }
    }

    /**
     * The head's state is read through a cache in memory: an account read before a block, even one that
     * did not exist, reads as the block left it afterwards, and the same as from a reopened store.
     */
    @Test
    void stateReadBeforeABlockReadsAsTheBlockLeftIt() {
        Address sender = chain.accounts.get(0).address();
        Address carol = SigningKey.random(new SecureRandom()).address();
        Account senderAfter;
        try (ChainStore store = new ChainStore(LevelDbKeyValueStore.open(dir.toFile()), 1 << 20)) {
            Ledger ledger = Ledger.open(store, chain.genesis, ChainRules.standard());
            Account senderBefore = Account.STATE.get(store.latestState(), sender).orElseThrow();
            assertThat(Account.STATE.get(store.latestState(), carol)).isEmpty();

            commit(ledger, store, 1, 2, carol);

            assertThat(Account.STATE.get(store.latestState(), carol)).contains(new Account(5 + 6, 0));
            senderAfter = Account.STATE.get(store.latestState(), sender).orElseThrow();
            assertThat(senderAfter.nonce()).isEqualTo(senderBefore.nonce() + 2);
            assertThat(senderAfter.balance()).isLessThan(senderBefore.balance() - 11);
        }
        try (ChainStore reopened = new ChainStore(LevelDbKeyValueStore.open(dir.toFile()), 1 << 20)) {
            assertThat(Account.STATE.get(reopened.latestState(), carol)).contains(new Account(11, 0));
            assertThat(Account.STATE.get(reopened.latestState(), sender)).contains(senderAfter);
        }
    }

    /** Each transaction is found under its sender and its recipient, newest first, a page at a time. */
    @Test
    void transactionsAreFoundByAddressNewestFirst() {
        Address sender = chain.accounts.get(0).address();
        Address carol = SigningKey.random(new SecureRandom()).address();
        try (ChainStore store = new ChainStore(LevelDbKeyValueStore.open(dir.toFile()), 1 << 20)) {
            Ledger ledger = Ledger.open(store, chain.genesis, ChainRules.standard());
            List<Transaction> txs = commit(ledger, store, 3, 2, carol);
            List<TxLocation> newestFirst = List.of(new TxLocation(3, 1), new TxLocation(3, 0), new TxLocation(2, 1),
                    new TxLocation(2, 0), new TxLocation(1, 1), new TxLocation(1, 0));
            assertThat(store.transactionsOf(carol, 0, 10).items()).isEqualTo(newestFirst);
            assertThat(store.transactionsOf(sender, 0, 10).items()).isEqualTo(newestFirst);
            ChainStore.AddressPage second = store.transactionsOf(carol, 2, 2);
            assertThat(second.items()).isEqualTo(newestFirst.subList(2, 4));
            assertThat(second.more()).isTrue();
            assertThat(store.transactionsOf(carol, 4, 2).more()).isFalse();
            assertThat(second.indexedFrom()).isZero();
            assertThat(store.transactionsOf(SigningKey.random(new SecureRandom()).address(), 0, 10).items()).isEmpty();
            assertThat(store.block(3).orElseThrow().transactions().get(1).hash()).isEqualTo(txs.get(5).hash());
        }
    }

    /** A store written before the address index says from which height it indexes, and indexes from there. */
    @Test
    void aStoreFromBeforeTheAddressIndexIndexesFromTheNextBlock() {
        Address carol = SigningKey.random(new SecureRandom()).address();
        LevelDbKeyValueStore kv = LevelDbKeyValueStore.open(dir.toFile());
        try (ChainStore store = new ChainStore(kv, 1 << 20)) {
            Ledger ledger = Ledger.open(store, chain.genesis, ChainRules.standard());
            commit(ledger, store, 2, 1, carol);
            KeyValueStore.WriteBatch asBefore = new KeyValueStore.WriteBatch();
            ChainStore.META.delete(asBefore, ChainStore.ADDRESS_INDEX_FROM);
            kv.scan(ChainStore.BY_ADDRESS.prefix(), (key, value) -> {
                asBefore.delete(key);
                return true;
            });
            kv.write(asBefore, true);
        }
        try (ChainStore reopened = new ChainStore(LevelDbKeyValueStore.open(dir.toFile()), 1 << 20)) {
            Ledger ledger = Ledger.open(reopened, chain.genesis, ChainRules.standard());
            assertThat(reopened.transactionsOf(carol, 0, 10).indexedFrom()).isEqualTo(3);
            assertThat(reopened.transactionsOf(carol, 0, 10).items()).isEmpty();
            List<Transaction> later = new ArrayList<>();
            int nonce = 2;
            later.add(new UnsignedTransaction(TestChain.CHAIN_ID, nonce, 1_000, new Transfer(carol, 7)).signWith(chain.accounts.get(0)));
            PreparedBlock p = ledger.build(1_800_000_100_000L, chain.validator.address(), later, reopened.certificate(2).orElseThrow());
            ledger.commit(p, certifier.certify(p.block()));
            assertThat(reopened.transactionsOf(carol, 0, 10).items()).containsExactly(new TxLocation(3, 0));
        }
    }
}
