package io.gridchain.node.api.identity;

import static io.gridchain.node.testing.RunningNode.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.params.ChainParams;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Metadata;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The identity read endpoints against a running node: one chain, built once, read many ways. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityApiTest {
    @TempDir
    static Path dataDir;
    private RunningNode n;
    private SigningKey alice;
    private SigningKey bob;
    private final SigningKey laptop = SigningKey.random(new SecureRandom());

    @BeforeAll
    void buildChain() throws Exception {
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS, d -> d.withIdentity(GenesisDocument.IdentitySection.DEV));
        n = new RunningNode(chain, dataDir, Duration.ofMillis(50));
        alice = chain.accounts.get(0);
        bob = chain.accounts.get(1);
        n.commit(alice, TransactionBuilders.register("alice", Metadata.EMPTY));
        n.commit(bob, TransactionBuilders.register("bob", Metadata.EMPTY));
        n.commit(alice, TransactionBuilders.addKey("alice", laptop.address(), KeyPurpose.AUTHENTICATION));
        n.commit(alice, TransactionBuilders.createOrg("acme", "alice"));
        n.commit(alice, TransactionBuilders.createOrg("acme.research", "alice"));
        n.commit(alice, TransactionBuilders.addOrgMember("acme.research", "alice", MemberRef.identity("bob")));
    }

    @AfterAll
    void stop() {
        n.close();
    }

    @Test
    void anIdentityShowsItsOwnerKeysAndHeight() throws Exception {
        JsonNode a = json(n.get("/v1/identities/alice"));
        assertThat(a.get("owner").asText()).isEqualTo(alice.address().toString());
        assertThat(a.get("status").asText()).isEqualTo("active");
        assertThat(a.get("keys").get(0).get("address").asText()).isEqualTo(laptop.address().toString());
        assertThat(a.get("keys").get(0).get("purpose").asText()).isEqualTo("authentication");
        assertThat(a.get("height").asLong()).isPositive();

        JsonNode byAddress = json(n.get("/v1/identities?address=" + alice.address()));
        assertThat(byAddress.get("identities").get(0).get("name").asText()).isEqualTo("alice");
        JsonNode history = json(n.get("/v1/identities/alice/history"));
        assertThat(history.get("history").size()).isGreaterThanOrEqualTo(2);

        HttpResponse<String> did = n.get("/v1/identities/alice/did.json");
        assertThat(did.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/did+json"));
        assertThat(json(did).get("id").asText()).isEqualTo("did:gridchain:alice");
    }

    @Test
    void unknownAndInvalidNamesAreProblems() throws Exception {
        HttpResponse<String> r = n.get("/v1/identities/nobody");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("code").asText()).isEqualTo("unknown-identity");
        HttpResponse<String> bad = n.get("/v1/proofs/identities/Not_A_Name");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("code").asText()).isEqualTo("invalid-name");
    }

    @Test
    void aTakenOrInvalidNameIsRefusedAtSubmission() throws Exception {
        HttpResponse<String> taken = n.submit(bob, TransactionBuilders.register("alice", Metadata.EMPTY));
        assertThat(taken.statusCode()).as(taken.body()).isBetween(400, 499);
        assertThat(json(taken).get("code").asText()).contains("taken");
        HttpResponse<String> invalid = n.submit(bob, TransactionBuilders.register("-bad-", Metadata.EMPTY));
        assertThat(invalid.statusCode()).as(invalid.body()).isBetween(400, 499);
        assertThat(json(invalid).get("code").asText()).contains("name");
    }

    @Test
    void personalSignIsVerifiedWithTheKeyAndHeight() throws Exception {
        String message = "I am alice";
        String sig = laptop.sign(PersonalSign.digest(message)).toString();
        JsonNode ok = json(n.post("/v1/identities/alice/verify", "{\"message\":\"" + message + "\",\"signature\":\"" + sig + "\"}"));
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("key").asText()).isEqualTo(laptop.address().toString());
        assertThat(ok.get("role").asText()).isEqualTo("authentication key");

        JsonNode notBob = json(n.post("/v1/identities/bob/verify", "{\"message\":\"" + message + "\",\"signature\":\"" + sig + "\"}"));
        assertThat(notBob.get("valid").asBoolean()).isFalse();

        String highS = Hex.encodePrefixed(TestSignaturesHighSAccess.of(laptop.sign(PersonalSign.digest(message))));
        JsonNode high = json(n.post("/v1/identities/alice/verify", "{\"message\":\"" + message + "\",\"signature\":\"" + highS + "\"}"));
        assertThat(high.get("valid").asBoolean()).isFalse();
        assertThat(high.get("reason").asText()).contains("high-s");
    }

    @Test
    void membershipFollowsInheritanceAndNeverAnswersForAMissingOrganization() throws Exception {
        JsonNode org = json(n.get("/v1/orgs/acme.research"));
        assertThat(org.get("parent").asText()).isEqualTo("acme");
        JsonNode yes = json(n.get("/v1/orgs/acme.research/members/bob"));
        assertThat(yes.get("member").asBoolean()).isTrue();
        assertThat(yes.get("path").get(0).get("org").asText()).isEqualTo("acme.research");
        JsonNode no = json(n.get("/v1/orgs/acme/members/bob"));
        assertThat(no.get("member").asBoolean()).isFalse();
        HttpResponse<String> missing = n.get("/v1/orgs/acme.nothing/members/bob");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("code").asText()).isEqualTo("unknown-organization");
    }

    @Test
    void theIdentityProofVerifiesAgainstTheHeaderStateRoot() throws Exception {
        JsonNode p = json(n.get("/v1/proofs/identities/alice"));
        assertThat(p.get("identity").get("owner").asText()).isEqualTo(alice.address().toString());
        Hash32 root = Hash32.of(Hex.decode(p.get("header").get("stateRoot").asText()));
        byte[] key = Hex.decode(p.get("key").asText());
        byte[] value = Hex.decode(p.get("value").asText());
        SmtProof smt = SmtProof.decode(Hex.decode(p.get("proof").asText()));
        assertThat(smt.verify(root, SmtProof.pathOf(key), Optional.of(Keccak.hash(value))).isValid()).isTrue();
        assertThat(p.get("commit").get("height").asLong()).isEqualTo(p.get("height").asLong());

        JsonNode absent = json(n.get("/v1/proofs/identities/nobody"));
        assertThat(absent.get("identity").isNull()).isTrue();
        SmtProof none = SmtProof.decode(Hex.decode(absent.get("proof").asText()));
        assertThat(none.verify(Hash32.of(Hex.decode(absent.get("header").get("stateRoot").asText())),
                SmtProof.pathOf(Hex.decode(absent.get("key").asText())), Optional.empty()).isValid()).isTrue();
    }

    @Test
    void identityTransactionsShowTheirPayloads() throws Exception {
        SigningKey phone = SigningKey.random(new SecureRandom());
        JsonNode tx = n.commit(bob, TransactionBuilders.addKey("bob", phone.address(), KeyPurpose.ASSERTION));
        assertThat(tx.get("kind").asText()).isEqualTo("identity.add-key");
        assertThat(tx.get("payload").get("name").asText()).isEqualTo("bob");
        assertThat(tx.get("payload").get("key").asText()).isEqualTo(phone.address().toString());
        assertThat(tx.get("payload").get("purpose").asText()).isEqualTo("assertion");
    }
}
