package io.gridchain.core.block;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.Transaction;
import java.util.ArrayList;
import java.util.List;

/** A header, its transactions, and the commit certificate of the parent block. */
public record Block(BlockHeader header, List<Transaction> transactions, CommitCertificate lastCommit) {
    public Block {
        transactions = List.copyOf(transactions);
    }

    public Hash32 hash() {
        return header.hash();
    }

    public long height() {
        return header.height();
    }

    /**
     * Why the body is not the one the header commits to, if it is not. The header hash (what proposals
     * and votes name) covers only the header, so anyone relaying a block can change its body; only
     * these two roots tie the body to it.
     */
    public java.util.Optional<String> bodyMismatch() {
        if (!header.transactionsRoot().equals(TransactionsRoot.of(transactions))) {
            return java.util.Optional.of("transactions root does not match the transactions");
        }
        if (!header.lastCommitHash().equals(lastCommit.hash())) {
            return java.util.Optional.of("last commit hash does not match the last commit");
        }
        return java.util.Optional.empty();
    }

    public byte[] encode() {
        List<byte[]> txs = new ArrayList<>(transactions.size());
        for (Transaction tx : transactions) {
            txs.add(Rlp.bytes(tx.encode()));
        }
        return Rlp.list(header.encode(), Rlp.list(txs), lastCommit.encode());
    }

    /** Decodes a stored or received block; {@code maxTransactionBytes} bounds each transaction. */
    public static Block decode(byte[] bytes, int maxTransactionBytes) {
        RlpReader r = RlpReader.ofList(bytes);
        BlockHeader header = BlockHeader.decode(r.list());
        RlpReader txList = r.list();
        List<Transaction> txs = new ArrayList<>();
        while (txList.hasNext()) {
            Transaction.Decoded d = Transaction.decode(txList.bytes(), maxTransactionBytes);
            if (d instanceof Transaction.Decoded.Malformed m) {
                throw new RlpException("transaction " + txs.size() + ": " + m.reason());
            }
            txs.add(((Transaction.Decoded.Ok) d).transaction());
        }
        CommitCertificate lastCommit = CommitCertificate.decode(r.list());
        r.finish("block");
        return new Block(header, txs, lastCommit);
    }
}
