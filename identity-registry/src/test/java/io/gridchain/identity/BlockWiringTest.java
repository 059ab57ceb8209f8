package io.gridchain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.exec.BlockExecutor;
import io.gridchain.core.exec.TransactionExecutor;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.merkle.SparseMerkleTree;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.tx.TransactionKinds;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.Metadata;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The module as the node wires it: the real block executor with this module's handlers and hook. */
class BlockWiringTest {
    private final IdentityChain chain = new IdentityChain(
            new IdentityParams(IdentityParams.RegistrationMode.OPEN, 10_000, 1_000, 0));
    private final BlockExecutor blocks = new BlockExecutor(
            new TransactionExecutor(IdentityRegistry.registerAll(new TransactionKinds())), IdentityRegistry.blockHooks());

    private Transaction tx(SigningKey key, long nonce, TxPayload payload) {
        return new UnsignedTransaction(IdentityChain.CHAIN_ID, nonce, IdentityChain.TX_FEE, payload).signWith(key);
    }

    @Test
    void aBlockRegistersAndItsHookRotatesAndTheResultIsProvable() {
        SigningKey alice = chain.fundedKey();
        SigningKey recovery = chain.fundedKey();
        SigningKey next = chain.key();
        List<Transaction> txs = List.of(
                tx(alice, 0, TransactionBuilders.register("alice", Metadata.EMPTY)),
                tx(alice, 1, TransactionBuilders.addKey("alice", recovery.address(), KeyPurpose.RECOVERY)),
                tx(recovery, 0, TransactionBuilders.rotateOwner("alice", next.address())),
                tx(alice, 2, TransactionBuilders.register("alice", Metadata.EMPTY)));

        BlockExecutor.Built built = blocks.build(chain.committed, chain.block(), txs, 1 << 20);
        assertThat(built.executed().included()).hasSize(3);
        assertThat(built.dropped()).singleElement()
                .satisfies(d -> assertThat(d.reason().code()).isEqualTo("name-taken"));
        assertThat(built.executed().blockEvents()).extracting(Event::type).containsExactly("identity.owner-rotated");

        BlockExecutor.Replayed replayed = blocks.replay(chain.committed, chain.block(), built.executed().included());
        assertThat(replayed).isInstanceOf(BlockExecutor.Replayed.Valid.class);

        StateOverlay changes = built.executed().state();
        chain.committed.commit(changes);
        IdentityQueries queries = new IdentityQueries(chain.committed);
        assertThat(queries.identity("alice").orElseThrow().owner()).isEqualTo(next.address());
        assertThat(queries.namesOwnedBy(next.address())).containsExactly("alice");
        assertThat(Account.STATE.get(chain.committed, alice.address()).orElseThrow().nonce()).isEqualTo(2);

        byte[] key = IdentityState.IDENTITIES.key("alice").toArray();
        byte[] value = chain.committed.get(IdentityState.IDENTITIES.key("alice")).orElseThrow();
        SmtProof proof = new SparseMerkleTree(chain.committed.nodes()).prove(chain.committed.root(), SmtProof.pathOf(key));
        assertThat(proof.verify(chain.committed.root(), SmtProof.pathOf(key), Optional.of(Keccak.hash(value))).isValid())
                .isTrue();
    }
}
