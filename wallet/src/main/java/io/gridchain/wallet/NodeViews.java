package io.gridchain.wallet;

import io.gridchain.core.account.Account;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.tx.Event;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** What the node API answers, as small typed values. Amounts are units (1 GRID = 10^9 units). */
public final class NodeViews {
    private NodeViews() {}

    public record Status(long chainId, long height, Hash32 latestBlockHash, Instant latestBlockTime,
                         Hash32 genesisHash) {}

    /** An account as of {@code height}; an account the chain has never seen has balance and nonce 0. */
    public record AccountState(Address address, long balance, long nonce, long height) {}

    public record Submitted(Hash32 hash, String status) {}

    /** One transaction of a batch: accepted, or refused with a machine code and a human detail. */
    public record BatchResult(Hash32 hash, boolean accepted, Optional<String> code, Optional<String> detail) {}

    public enum TxStatus { PENDING, COMMITTED }

    public record Receipt(long fee, List<Event> events) {
        public Receipt {
            events = List.copyOf(events);
        }
    }

    /** A transaction the node knows; height, index and receipt are present once it is committed. */
    public record TxInfo(Hash32 hash, TxStatus status, OptionalLong height, OptionalInt index, String kind,
                         Address sender, long nonce, long fee, Optional<Receipt> receipt) {
        public boolean isCommitted() {
            return status == TxStatus.COMMITTED;
        }
    }

    /** A transaction as listed in a block; the payload's fields depend on its kind. */
    public record BlockTx(Hash32 hash, String kind, Address sender, long nonce, long fee, Map<String, Object> payload) {
        public BlockTx {
            payload = Map.copyOf(payload);
        }
    }

    /**
     * A block as the API shows it. {@code lastCommit} is kept as the node's JSON fields because its
     * shape belongs to the consensus module; {@link #hashMatchesHeader} checks the node's claimed hash.
     */
    public record BlockInfo(Hash32 hash, BlockHeader header, List<BlockTx> transactions, Map<String, Object> lastCommit) {
        public BlockInfo {
            transactions = List.copyOf(transactions);
            lastCommit = Map.copyOf(lastCommit);
        }

        public boolean hashMatchesHeader() {
            return header.hash().equals(hash);
        }
    }

    /**
     * The Merkle proof of one account under the state root of {@code header}. {@link #verify} checks
     * the proof locally; that the header itself was decided is checked against its commit certificate.
     */
    public record AccountProof(Address address, long height, byte[] key, Optional<byte[]> value, SmtProof proof,
                               BlockHeader header) {
        public SmtProof.Check verify() {
            if (!java.util.Arrays.equals(key, Account.STATE.key(address).toArray())) {
                return new SmtProof.Check.Invalid("the proof is for another key than this account's");
            }
            return proof.verify(header.stateRoot(), SmtProof.pathOf(key), value.map(Keccak::hash));
        }

        /** The proven account; empty if the proof shows the account does not exist. */
        public Optional<Account> account() {
            return value.map(Account.STATE::decodeValue);
        }
    }

    /** A lease record with its Merkle proof, the header it proves against and that header's commit certificate. */
    public record LeaseProof(long leaseId, long height, byte[] key, Optional<byte[]> value, SmtProof proof,
                             BlockHeader header, io.gridchain.core.block.CommitCertificate commit) {}
}
