package io.gridchain.identity.tx;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.identity.IdentityChain;
import io.gridchain.identity.IdentityParams;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.RegistrationDigest;
import io.gridchain.identity.TestSignatures;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.HistoryEntry;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.IdentityStatus;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.Metadata;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTransactionsTest {
    private final IdentityChain chain = new IdentityChain(IdentityParams.DEV);
    private final SigningKey alice = chain.fundedKey();
    private final SigningKey bob = chain.fundedKey();

    private static Metadata metadata(String display, String uri) {
        return new Metadata(display, Bytes.of(new byte[32]), uri, Bytes.of(new byte[33]));
    }

    @Test
    void registrationRecordsOwnerIndexHistoryAndPaysTheFeeToTheProposer() {
        long before = chain.balance(alice.address());
        chain.applied(alice, TransactionBuilders.register("alice", metadata("Alice", "https://alice.example")));

        Identity alice1 = chain.identity("alice");
        assertThat(alice1.owner()).isEqualTo(alice.address());
        assertThat(alice1.status()).isEqualTo(IdentityStatus.ACTIVE);
        assertThat(alice1.metadata().displayName()).isEqualTo("Alice");
        assertThat(IdentityState.NAMES_BY_OWNER.get(chain.committed, alice.address())).contains(List.of("alice"));
        assertThat(IdentityState.HISTORY.get(chain.committed, "alice").orElseThrow())
                .extracting(HistoryEntry::kind).containsExactly("registered");
        long paid = IdentityChain.TX_FEE + IdentityParams.DEV.registrationFee();
        assertThat(chain.balance(alice.address())).isEqualTo(before - paid);
        assertThat(chain.balance(chain.proposer)).isEqualTo(paid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"al", "-alice", "alice-", "Alice", "al_ice", "ali.ce", "", "a23456789012345678901234567890"
            + "1234567890123456789012345678901234"})
    void anInvalidNameIsRefused(String name) {
        Rejection r = chain.rejected(alice, TransactionBuilders.register(name, Metadata.EMPTY));
        assertThat(r.code()).isEqualTo(IdentityRejections.INVALID_NAME);
    }

    @Test
    void theLongestAndShortestNamesAreAccepted() {
        chain.register(alice, "a-1");
        chain.register(alice, "a".repeat(63));
        assertThat(IdentityState.NAMES_BY_OWNER.get(chain.committed, alice.address()).orElseThrow()).hasSize(2);
    }

    @Test
    void aTakenNameIsRefused() {
        chain.register(alice, "alice");
        Rejection r = chain.rejected(bob, TransactionBuilders.register("alice", Metadata.EMPTY));
        assertThat(r.code()).isEqualTo(IdentityRejections.NAME_TAKEN);
        assertThat(chain.identity("alice").owner()).isEqualTo(alice.address());
    }

    @Test
    void invalidMetadataIsRefused() {
        assertThat(chain.rejected(alice, TransactionBuilders.register("alice", metadata("A", "ftp://x"))).code())
                .isEqualTo(IdentityRejections.INVALID_METADATA);
        Metadata badHash = new Metadata("A", Bytes.of(new byte[31]), "", Bytes.of(new byte[0]));
        assertThat(chain.rejected(alice, TransactionBuilders.register("alice", badHash)).code())
                .isEqualTo(IdentityRejections.INVALID_METADATA);
        assertThat(chain.rejected(alice, TransactionBuilders.register("alice", metadata("x".repeat(65), ""))).code())
                .isEqualTo(IdentityRejections.INVALID_METADATA);
    }

    @Test
    void aSenderThatCannotPayTheRegistrationFeeIsRefused() {
        SigningKey poor = chain.key();
        io.gridchain.core.state.StateOverlay s = new io.gridchain.core.state.StateOverlay(chain.committed);
        io.gridchain.core.account.Account.STATE.put(s, poor.address(), new io.gridchain.core.account.Account(
                IdentityChain.TX_FEE + IdentityParams.DEV.registrationFee() - 1, 0));
        chain.committed.commit(s);
        assertThat(chain.rejected(poor, TransactionBuilders.register("poor", Metadata.EMPTY)).code())
                .isEqualTo(Rejection.INSUFFICIENT_BALANCE);
    }

    @Test
    void aMalformedPayloadIsRefusedNamingTheField() {
        TxPayload badPurpose = new TxPayload() {
            public String kind() {
                return IdentityKinds.ADD_KEY;
            }

            public byte[] encode() {
                return Rlp.list(Rlp.string("alice"), Rlp.bytes(new byte[20]), Rlp.string("admin"));
            }
        };
        Rejection r = chain.rejected(alice, badPurpose);
        assertThat(r.code()).isEqualTo(Rejection.MALFORMED);
        assertThat(r.detail()).contains("purpose");
    }

    @Test
    void addingAndRevokingKeysRecordsTheirValidityHeights() {
        chain.register(alice, "alice");
        SigningKey laptop = chain.key();
        long added = chain.height();
        chain.applied(alice, TransactionBuilders.addKey("alice", laptop.address(), KeyPurpose.AUTHENTICATION));
        chain.emptyBlock();
        long revoked = chain.height();
        chain.applied(alice, TransactionBuilders.revokeKey("alice", laptop.address()));

        Identity id = chain.identity("alice");
        assertThat(id.keyValidAt(laptop.address(), KeyPurpose.AUTHENTICATION, added - 1)).isEmpty();
        assertThat(id.keyValidAt(laptop.address(), KeyPurpose.AUTHENTICATION, added)).isPresent();
        assertThat(id.keyValidAt(laptop.address(), KeyPurpose.AUTHENTICATION, revoked - 1)).isPresent();
        assertThat(id.keyValidAt(laptop.address(), KeyPurpose.AUTHENTICATION, revoked)).isEmpty();
        assertThat(IdentityState.HISTORY.get(chain.committed, "alice").orElseThrow())
                .extracting(HistoryEntry::kind, HistoryEntry::height)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("registered", added - 1),
                        org.assertj.core.groups.Tuple.tuple("key-added", added),
                        org.assertj.core.groups.Tuple.tuple("key-revoked", revoked));
    }

    @Test
    void keyChangesAreRefusedWithTheirReasons() {
        chain.register(alice, "alice");
        SigningKey laptop = chain.key();
        TxPayload add = TransactionBuilders.addKey("alice", laptop.address(), KeyPurpose.AUTHENTICATION);
        assertThat(chain.rejected(bob, add).code()).isEqualTo(IdentityRejections.NOT_OWNER);
        assertThat(chain.rejected(alice, TransactionBuilders.addKey("nobody", laptop.address(), KeyPurpose.ASSERTION))
                .code()).isEqualTo(IdentityRejections.IDENTITY_NOT_FOUND);
        assertThat(chain.rejected(alice, TransactionBuilders.revokeKey("alice", laptop.address())).code())
                .isEqualTo(IdentityRejections.KEY_NOT_FOUND);
        chain.applied(alice, add);
        assertThat(chain.rejected(alice, add).code()).isEqualTo(IdentityRejections.KEY_EXISTS);
        chain.applied(alice, TransactionBuilders.revokeKey("alice", laptop.address()));
        assertThat(chain.rejected(alice, TransactionBuilders.revokeKey("alice", laptop.address())).code())
                .isEqualTo(IdentityRejections.KEY_ALREADY_REVOKED);
        assertThat(chain.rejected(bob, TransactionBuilders.revokeKey("alice", laptop.address())).code())
                .isEqualTo(IdentityRejections.NOT_OWNER);
    }

    @Test
    void anIdentityHoldsABoundedNumberOfKeys() {
        chain.register(alice, "alice");
        for (int i = 0; i < Identity.MAX_KEYS; i++) {
            chain.applied(alice, TransactionBuilders.addKey("alice", chain.key().address(), KeyPurpose.ASSERTION));
        }
        assertThat(chain.rejected(alice, TransactionBuilders.addKey("alice", chain.key().address(),
                KeyPurpose.ASSERTION)).code()).isEqualTo(IdentityRejections.TOO_MANY_KEYS);
    }

    @Test
    void theOwnerRotatesImmediatelyAndTheIndexFollows() {
        chain.register(alice, "alice");
        chain.applied(alice, TransactionBuilders.rotateOwner("alice", bob.address()));
        assertThat(chain.identity("alice").owner()).isEqualTo(bob.address());
        assertThat(IdentityState.NAMES_BY_OWNER.get(chain.committed, alice.address())).isEmpty();
        assertThat(IdentityState.NAMES_BY_OWNER.get(chain.committed, bob.address())).contains(List.of("alice"));
        assertThat(chain.rejected(alice, TransactionBuilders.updateMetadata("alice", Metadata.EMPTY)).code())
                .isEqualTo(IdentityRejections.NOT_OWNER);
        assertThat(chain.rejected(bob, TransactionBuilders.rotateOwner("alice", bob.address())).code())
                .isEqualTo(Rejection.INVALID_PAYLOAD);
    }

    @Test
    void aRecoveryKeyRotationWaitsOutTheDelayThenTakesEffect() {
        chain.register(alice, "alice");
        SigningKey recovery = chain.fundedKey();
        chain.applied(alice, TransactionBuilders.addKey("alice", recovery.address(), KeyPurpose.RECOVERY));
        long requested = chain.height();
        chain.applied(recovery, TransactionBuilders.rotateOwner("alice", bob.address()));
        long due = requested + IdentityParams.DEV.rotationDelayBlocks();
        assertThat(chain.identity("alice").pendingRotation()).get()
                .extracting(Identity.PendingRotation::dueHeight).isEqualTo(due);
        assertThat(chain.rejected(recovery, TransactionBuilders.rotateOwner("alice", bob.address())).code())
                .isEqualTo(IdentityRejections.ROTATION_PENDING);
        while (chain.height() < due) {
            chain.emptyBlock();
        }
        assertThat(chain.identity("alice").owner()).isEqualTo(alice.address());
        chain.emptyBlock(); // block `due`: rotation at its end
        Identity rotated = chain.identity("alice");
        assertThat(rotated.owner()).isEqualTo(bob.address());
        assertThat(rotated.ownerAt(due)).contains(alice.address());
        assertThat(rotated.ownerAt(due + 1)).contains(bob.address());
        assertThat(rotated.pendingRotation()).isEmpty();
        assertThat(IdentityState.NAMES_BY_OWNER.get(chain.committed, bob.address())).contains(List.of("alice"));
        assertThat(IdentityState.ROTATIONS_DUE.get(chain.committed, due)).isEmpty();
    }

    @Test
    void aRotationFallingDueWhileSuspendedIsDropped() {
        chain.register(alice, "alice");
        SigningKey recovery = chain.fundedKey();
        chain.applied(alice, TransactionBuilders.addKey("alice", recovery.address(), KeyPurpose.RECOVERY));
        chain.applied(recovery, TransactionBuilders.rotateOwner("alice", bob.address()));
        chain.applied(chain.registrar, TransactionBuilders.suspend("alice"));
        assertThat(chain.rejected(recovery, TransactionBuilders.rotateOwner("alice", chain.key().address())).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
        for (int i = 0; i <= IdentityParams.DEV.rotationDelayBlocks(); i++) {
            chain.emptyBlock();
        }
        assertThat(chain.identity("alice").owner()).isEqualTo(alice.address());
        assertThat(chain.identity("alice").pendingRotation()).isEmpty();
        assertThat(IdentityState.HISTORY.get(chain.committed, "alice").orElseThrow())
                .extracting(HistoryEntry::kind).contains("owner-rotation-dropped");
    }

    @Test
    void aDeactivatedIdentityCannotRevokeKeysOrRotate() {
        chain.register(alice, "alice");
        chain.applied(alice, TransactionBuilders.addKey("alice", bob.address(), KeyPurpose.RECOVERY));
        chain.applied(alice, TransactionBuilders.deactivate("alice"));
        assertThat(chain.rejected(alice, TransactionBuilders.revokeKey("alice", bob.address())).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
        assertThat(chain.rejected(alice, TransactionBuilders.rotateOwner("alice", bob.address())).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
        assertThat(chain.rejected(bob, TransactionBuilders.rotateOwner("alice", bob.address())).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
        assertThat(chain.rejected(alice, TransactionBuilders.cancelRotation("alice")).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
    }

    @Test
    void aSuspendedOwnerMayStillRevokeACompromisedKey() {
        chain.register(alice, "alice");
        chain.applied(alice, TransactionBuilders.addKey("alice", bob.address(), KeyPurpose.AUTHENTICATION));
        chain.applied(chain.registrar, TransactionBuilders.suspend("alice"));
        chain.applied(alice, TransactionBuilders.revokeKey("alice", bob.address()));
        assertThat(chain.identity("alice").activeKey(bob.address())).isEmpty();
    }

    @Test
    void updatesChargeTheUpdateFeeToTheProposer() {
        chain.register(alice, "alice");
        long before = chain.balance(alice.address());
        long proposerBefore = chain.balance(chain.proposer);
        chain.applied(alice, TransactionBuilders.addKey("alice", bob.address(), KeyPurpose.ASSERTION));
        long paid = IdentityChain.TX_FEE + IdentityParams.DEV.updateFee();
        assertThat(chain.balance(alice.address())).isEqualTo(before - paid);
        assertThat(chain.balance(chain.proposer)).isEqualTo(proposerBefore + paid);
    }

    @Test
    void theOwnerCancelsAPendingRotation() {
        chain.register(alice, "alice");
        SigningKey recovery = chain.fundedKey();
        chain.applied(alice, TransactionBuilders.addKey("alice", recovery.address(), KeyPurpose.RECOVERY));
        assertThat(chain.rejected(alice, TransactionBuilders.cancelRotation("alice")).code())
                .isEqualTo(IdentityRejections.NO_PENDING_ROTATION);
        chain.applied(recovery, TransactionBuilders.rotateOwner("alice", bob.address()));
        assertThat(chain.rejected(recovery, TransactionBuilders.cancelRotation("alice")).code())
                .isEqualTo(IdentityRejections.NOT_OWNER);
        chain.applied(alice, TransactionBuilders.cancelRotation("alice"));
        for (int i = 0; i <= IdentityParams.DEV.rotationDelayBlocks(); i++) {
            chain.emptyBlock();
        }
        assertThat(chain.identity("alice").owner()).isEqualTo(alice.address());
        assertThat(chain.identity("alice").pendingRotation()).isEmpty();
    }

    @Test
    void revokingTheRequestingRecoveryKeyCancelsItsRotation() {
        chain.register(alice, "alice");
        SigningKey recovery = chain.fundedKey();
        chain.applied(alice, TransactionBuilders.addKey("alice", recovery.address(), KeyPurpose.RECOVERY));
        chain.applied(recovery, TransactionBuilders.rotateOwner("alice", bob.address()));
        chain.applied(alice, TransactionBuilders.revokeKey("alice", recovery.address()));
        assertThat(chain.identity("alice").pendingRotation()).isEmpty();
    }

    @Test
    void onlyTheOwnerOrARecoveryKeyMayRotate() {
        chain.register(alice, "alice");
        SigningKey auth = chain.fundedKey();
        chain.applied(alice, TransactionBuilders.addKey("alice", auth.address(), KeyPurpose.AUTHENTICATION));
        assertThat(chain.rejected(auth, TransactionBuilders.rotateOwner("alice", bob.address())).code())
                .isEqualTo(IdentityRejections.NOT_AUTHORIZED);
        assertThat(chain.rejected(bob, TransactionBuilders.rotateOwner("alice", bob.address())).code())
                .isEqualTo(IdentityRejections.NOT_AUTHORIZED);
    }

    @Test
    void metadataUpdatesAndDeactivationIsFinal() {
        chain.register(alice, "alice");
        chain.applied(alice, TransactionBuilders.updateMetadata("alice", metadata("Alice B.", "https://b.example")));
        assertThat(chain.identity("alice").metadata().serviceUri()).isEqualTo("https://b.example");
        assertThat(chain.rejected(alice, TransactionBuilders.updateMetadata("alice", metadata("A", "not a uri"))).code())
                .isEqualTo(IdentityRejections.INVALID_METADATA);
        assertThat(chain.rejected(bob, TransactionBuilders.deactivate("alice")).code())
                .isEqualTo(IdentityRejections.NOT_OWNER);
        chain.applied(alice, TransactionBuilders.deactivate("alice"));
        assertThat(chain.identity("alice").status()).isEqualTo(IdentityStatus.DEACTIVATED);
        assertThat(chain.rejected(alice, TransactionBuilders.deactivate("alice")).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
        assertThat(chain.rejected(alice, TransactionBuilders.addKey("alice", bob.address(), KeyPurpose.ASSERTION))
                .code()).isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
        assertThat(chain.rejected(bob, TransactionBuilders.register("alice", Metadata.EMPTY)).code())
                .isEqualTo(IdentityRejections.NAME_TAKEN);
    }

    @Test
    void aRegistrarSuspendsAndRestores() {
        chain.register(alice, "alice");
        assertThat(chain.rejected(bob, TransactionBuilders.suspend("alice")).code())
                .isEqualTo(IdentityRejections.NOT_REGISTRAR);
        assertThat(chain.rejected(chain.registrar, TransactionBuilders.restore("alice")).code())
                .isEqualTo(IdentityRejections.NOT_SUSPENDED);
        long suspendedAt = chain.height();
        chain.applied(chain.registrar, TransactionBuilders.suspend("alice"));
        assertThat(chain.rejected(chain.registrar, TransactionBuilders.suspend("alice")).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
        assertThat(chain.rejected(alice, TransactionBuilders.updateMetadata("alice", Metadata.EMPTY)).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_ACTIVE);
        long restoredAt = chain.height();
        chain.applied(chain.registrar, TransactionBuilders.restore("alice"));
        Identity id = chain.identity("alice");
        assertThat(id.status()).isEqualTo(IdentityStatus.ACTIVE);
        assertThat(id.statusAt(suspendedAt)).contains(IdentityStatus.SUSPENDED);
        assertThat(id.statusAt(suspendedAt - 1)).contains(IdentityStatus.ACTIVE);
        assertThat(id.statusAt(restoredAt)).contains(IdentityStatus.ACTIVE);
        assertThat(chain.rejected(chain.registrar, TransactionBuilders.suspend("nobody")).code())
                .isEqualTo(IdentityRejections.IDENTITY_NOT_FOUND);
    }

    @Test
    void registrarModeNeedsAValidCountersignatureForThisChain() {
        IdentityChain closed = new IdentityChain(new IdentityParams(IdentityParams.RegistrationMode.REGISTRAR, 0, 0, 5));
        SigningKey carol = closed.fundedKey();
        SigningKey notRegistrar = closed.key();
        assertThat(closed.rejected(carol, TransactionBuilders.register("carol", Metadata.EMPTY)).code())
                .isEqualTo(IdentityRejections.REGISTRAR_SIGNATURE_REQUIRED);
        assertThat(closed.rejected(carol, TransactionBuilders.registerCountersigned(IdentityChain.CHAIN_ID, "carol",
                carol.address(), Metadata.EMPTY, notRegistrar)).code())
                .isEqualTo(IdentityRejections.REGISTRAR_SIGNATURE_INVALID);
        assertThat(closed.rejected(carol, TransactionBuilders.registerCountersigned(7, "carol",
                carol.address(), Metadata.EMPTY, closed.registrar)).code())
                .isEqualTo(IdentityRejections.REGISTRAR_SIGNATURE_INVALID);
        byte[] forOther = closed.registrar.sign(
                RegistrationDigest.of(IdentityChain.CHAIN_ID, "other", carol.address(), Metadata.EMPTY)).bytes();
        assertThat(closed.rejected(carol, new Payloads.Register("carol", Metadata.EMPTY, Bytes.of(forOther))).code())
                .isEqualTo(IdentityRejections.REGISTRAR_SIGNATURE_INVALID);
        byte[] highS = TestSignatures.highS(closed.registrar.sign(
                RegistrationDigest.of(IdentityChain.CHAIN_ID, "carol", carol.address(), Metadata.EMPTY)));
        Rejection r = closed.rejected(carol, new Payloads.Register("carol", Metadata.EMPTY, Bytes.of(highS)));
        assertThat(r.code()).isEqualTo(IdentityRejections.REGISTRAR_SIGNATURE_INVALID);
        assertThat(r.detail()).contains("high-s");

        closed.applied(carol, TransactionBuilders.registerCountersigned(IdentityChain.CHAIN_ID, "carol",
                carol.address(), Metadata.EMPTY, closed.registrar));
        assertThat(closed.identity("carol").owner()).isEqualTo(carol.address());
    }
}
