package io.gridchain.node.api.oauth;

import static io.gridchain.node.testing.RunningNode.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.params.ChainParams;
import io.gridchain.genesis.GenesisDocument;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.auth.ClientAssertions;
import io.gridchain.identity.model.Metadata;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: revocations and used single-use ids lived in memory, so a restart brought a revoked token
 * back and let a used assertion or signed message be replayed. And anyone authenticated could revoke
 * anyone's token. Here a real node is stopped and started again on the same data directory and port.
 */
class OAuthRestartTest {
    private static final String AUDIENCE = "https://portal.grid.example";
    private static final String SIWE = "urn:gridchain:params:oauth:grant-type:siwe";
    private static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    @TempDir
    Path dataDir;

    private static String challenge(RunningNode n, SigningKey key) throws Exception {
        HttpResponse<String> r = n.post("/oauth/challenge", "{\"address\":\"" + key.address() + "\",\"audience\":\""
                + AUDIENCE + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("message").asText();
    }

    private static Map<String, String> signed(SigningKey key, String message) {
        return Map.of("grant_type", SIWE, "message", message, "signature", key.sign(PersonalSign.digest(message)).toString());
    }

    private static String signIn(RunningNode n, SigningKey key) throws Exception {
        HttpResponse<String> r = n.form("/oauth/token", signed(key, challenge(n, key)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("access_token").asText();
    }

    private static boolean active(RunningNode n, String token, String caller) throws Exception {
        HttpResponse<String> r = n.form("/oauth/introspect", Map.of("token", token), "Authorization", "Bearer " + caller);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("active").asBoolean();
    }

    private static Map<String, String> clientCredentials(String assertion) {
        return Map.of("grant_type", "client_credentials", "client_id", "alice", "client_assertion_type", JWT_BEARER,
                "client_assertion", assertion, "audience", AUDIENCE);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void revocationsAndSpentIdsSurviveARestartAndOnlyTheTokensIdentityRevokesIt() throws Exception {
        TestChain chain = new TestChain(2, ChainParams.DEFAULTS, d -> d.withIdentity(GenesisDocument.IdentitySection.DEV));
        SigningKey alice = chain.accounts.get(0);
        SigningKey bob = chain.accounts.get(1);
        int port = freePort();
        String aliceCaller;
        String revoked;
        String assertion;
        Map<String, String> spentSignIn;
        String signedLater;
        try (RunningNode n = new RunningNode(chain, dataDir, Duration.ofMillis(50), port)) {
            n.commit(alice, TransactionBuilders.register("alice", Metadata.EMPTY));
            n.commit(bob, TransactionBuilders.register("bob", Metadata.EMPTY));
            aliceCaller = signIn(n, alice);
            revoked = signIn(n, alice);
            String bobCaller = signIn(n, bob);

            HttpResponse<String> byBob = n.form("/oauth/revoke", Map.of("token", revoked), "Authorization", "Bearer " + bobCaller);
            assertThat(byBob.statusCode()).as(byBob.body()).isEqualTo(400);
            assertThat(json(byBob).get("error").asText()).isEqualTo("unauthorized_client");
            assertThat(active(n, revoked, aliceCaller)).as("bob's attempt revoked nothing").isTrue();

            HttpResponse<String> byAlice = n.form("/oauth/revoke", Map.of("token", revoked), "Authorization", "Bearer " + aliceCaller);
            assertThat(byAlice.statusCode()).as(byAlice.body()).isEqualTo(200);
            assertThat(active(n, revoked, aliceCaller)).isFalse();

            assertion = ClientAssertions.create(alice, "alice", n.base(), Instant.now(), Duration.ofMinutes(2));
            HttpResponse<String> first = n.form("/oauth/token", clientCredentials(assertion));
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

            spentSignIn = signed(alice, challenge(n, alice));
            assertThat(n.form("/oauth/token", spentSignIn).statusCode()).isEqualTo(200);
            signedLater = challenge(n, alice);
        }

        try (RunningNode n = new RunningNode(chain, dataDir, Duration.ofMillis(50), port)) {
            assertThat(active(n, aliceCaller, aliceCaller)).as("the signing key and issuer are the same").isTrue();
            assertThat(active(n, revoked, aliceCaller)).as("a revoked token stays revoked").isFalse();

            HttpResponse<String> replayedAssertion = n.form("/oauth/token", clientCredentials(assertion));
            assertThat(replayedAssertion.statusCode()).as(replayedAssertion.body()).isEqualTo(401);
            assertThat(json(replayedAssertion).get("error_description").asText()).contains("already used");

            HttpResponse<String> replayedSignIn = n.form("/oauth/token", spentSignIn);
            assertThat(replayedSignIn.statusCode()).as(replayedSignIn.body()).isEqualTo(400);
            assertThat(json(replayedSignIn).get("error_description").asText()).contains("already used");

            HttpResponse<String> outstanding = n.form("/oauth/token", signed(alice, signedLater));
            assertThat(outstanding.statusCode()).as("a challenge issued before the restart is still good: "
                    + outstanding.body()).isEqualTo(200);
        }
    }
}
