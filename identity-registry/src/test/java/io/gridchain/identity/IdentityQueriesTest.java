package io.gridchain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.model.HistoryEntry;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityQueriesTest {
    private static final byte[] MESSAGE = "I am alice".getBytes(StandardCharsets.UTF_8);
    private final IdentityChain chain = new IdentityChain(IdentityParams.DEV);
    private final SigningKey alice = chain.fundedKey();
    private final SigningKey laptop = chain.key();
    private final SigningKey recovery = chain.key();
    private long laptopAdded;
    private long laptopRevoked;

    @BeforeEach
    void history() {
        chain.applied(alice, TransactionBuilders.register("alice", new Metadata("Alice", Bytes.of(new byte[0]),
                "https://alice.example", Bytes.of(new byte[0]))));
        laptopAdded = chain.height();
        chain.applied(alice, TransactionBuilders.addKey("alice", laptop.address(), KeyPurpose.AUTHENTICATION));
        chain.applied(alice, TransactionBuilders.addKey("alice", recovery.address(), KeyPurpose.RECOVERY));
        chain.emptyBlock();
        laptopRevoked = chain.height();
        chain.applied(alice, TransactionBuilders.revokeKey("alice", laptop.address()));
    }

    private IdentityQueries queries() {
        return new IdentityQueries(chain.committed);
    }

    private byte[] personalSign(SigningKey key, byte[] message) {
        return key.sign(PersonalSign.digest(message)).bytes();
    }

    @Test
    void lookupsByNameOwnerAndHistory() {
        assertThat(queries().identity("alice")).isPresent();
        assertThat(queries().identity("bob")).isEmpty();
        assertThat(queries().namesOwnedBy(alice.address())).containsExactly("alice");
        assertThat(queries().history("alice")).extracting(HistoryEntry::kind)
                .containsExactly("registered", "key-added", "key-added", "key-revoked");
    }

    @Test
    void keyValidityAtPastHeights() {
        assertThat(queries().keyValidity("alice", laptop.address(), KeyPurpose.AUTHENTICATION, laptopAdded))
                .isInstanceOf(IdentityQueries.Authority.Yes.class);
        assertThat(queries().keyValidity("alice", laptop.address(), KeyPurpose.AUTHENTICATION, laptopRevoked))
                .isInstanceOf(IdentityQueries.Authority.No.class);
        assertThat(queries().keyValidity("alice", laptop.address(), KeyPurpose.ASSERTION, laptopAdded))
                .isInstanceOf(IdentityQueries.Authority.No.class);
    }

    @Test
    void personalSignIsVerifiedAgainstTheKeysValidAtTheHeight() {
        IdentityQueries q = queries();
        assertThat(q.verifyPersonalSign("alice", MESSAGE, personalSign(alice, MESSAGE), chain.height() - 1))
                .isEqualTo(new IdentityQueries.Authority.Yes("alice", alice.address(), "owner", chain.height() - 1));
        assertThat(q.verifyPersonalSign("alice", MESSAGE, personalSign(laptop, MESSAGE), laptopAdded))
                .isEqualTo(new IdentityQueries.Authority.Yes("alice", laptop.address(), "authentication key",
                        laptopAdded));
        assertThat(q.verifyPersonalSign("alice", MESSAGE, personalSign(laptop, MESSAGE), laptopRevoked))
                .isInstanceOf(IdentityQueries.Authority.No.class);
        assertThat(q.verifyPersonalSign("alice", MESSAGE, personalSign(recovery, MESSAGE), laptopRevoked))
                .as("a recovery key does not sign statements").isInstanceOf(IdentityQueries.Authority.No.class);
        assertThat(q.verifyPersonalSign("alice", "other".getBytes(StandardCharsets.UTF_8),
                personalSign(alice, MESSAGE), laptopRevoked)).isInstanceOf(IdentityQueries.Authority.No.class);
    }

    @Test
    void aHighSPersonalSignIsRefusedWithItsReason() {
        byte[] highS = TestSignatures.highS(alice.sign(PersonalSign.digest(MESSAGE)));
        IdentityQueries.Authority result = queries().verifyPersonalSign("alice", MESSAGE, highS, laptopRevoked);
        assertThat(result).isInstanceOfSatisfying(IdentityQueries.Authority.No.class,
                no -> assertThat(no.reason()).contains("high-s"));
    }

    @Test
    void aSuspendedIdentitySignsNothing() {
        long suspended = chain.height();
        chain.applied(chain.registrar, TransactionBuilders.suspend("alice"));
        assertThat(queries().verifyPersonalSign("alice", MESSAGE, personalSign(alice, MESSAGE), suspended))
                .isInstanceOf(IdentityQueries.Authority.No.class);
        assertThat(queries().verifyPersonalSign("alice", MESSAGE, personalSign(alice, MESSAGE), suspended - 1))
                .isInstanceOf(IdentityQueries.Authority.Yes.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDidDocumentListsActiveKeysAsCaip10Accounts() {
        DidDocument did = queries().didDocument("alice", IdentityChain.CHAIN_ID).orElseThrow();
        Map<String, Object> doc = Json.read(did.json());
        assertThat(doc.get("id")).isEqualTo("did:gridchain:alice");
        List<Map<String, Object>> methods = (List<Map<String, Object>>) doc.get("verificationMethod");
        assertThat(methods).extracting(m -> m.get("type")).containsOnly("EcdsaSecp256k1RecoveryMethod2020");
        assertThat(methods).extracting(m -> m.get("blockchainAccountId")).containsExactly(
                "eip155:1337:" + alice.address(), "eip155:1337:" + recovery.address());
        assertThat((List<String>) doc.get("authentication")).containsExactly("did:gridchain:alice#owner");
        assertThat((List<String>) doc.get("capabilityInvocation")).hasSize(2);
        assertThat(doc.get("service")).isNotNull();
        assertThat(did.metadata()).containsEntry("deactivated", false);
    }
}
