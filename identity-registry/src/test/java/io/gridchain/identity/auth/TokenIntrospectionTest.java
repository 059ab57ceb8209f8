package io.gridchain.identity.auth;

import static io.gridchain.identity.auth.AuthFixture.issued;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.crypto.SigningKey;
import io.gridchain.identity.Json;
import io.gridchain.identity.TransactionBuilders;
import io.gridchain.identity.model.KeyPurpose;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenIntrospectionTest {
    private final AuthFixture f = new AuthFixture();
    private final SigningKey alice = f.chain.fundedKey();
    private final SigningKey laptop = f.chain.key();

    @BeforeEach
    void alice() {
        f.chain.register(alice, "alice");
        f.chain.applied(alice, TransactionBuilders.addKey("alice", laptop.address(), KeyPurpose.AUTHENTICATION));
    }

    private String token(SigningKey key) {
        return issued(f.signInWith(key, Map.of("identity", "alice"))).accessToken();
    }

    private boolean active(String token) {
        return (Boolean) f.introspection.introspect(token).get("active");
    }

    @Test
    void anActiveTokenShowsItsClaims() {
        Map<String, Object> r = f.introspection.introspect(token(alice));
        assertThat(r).containsEntry("active", true).containsEntry("sub", "alice").containsEntry("scope", "identity")
                .containsEntry("aud", AuthFixture.AUDIENCE).containsEntry("chain_id", f.config.chainId());
    }

    @Test
    void revokingTheKeyThatSignedInDeactivatesTheToken() {
        String byLaptop = token(laptop);
        String byOwner = token(alice);
        f.chain.applied(alice, TransactionBuilders.revokeKey("alice", laptop.address()));
        assertThat(active(byLaptop)).isFalse();
        assertThat(active(byOwner)).isTrue();
    }

    @Test
    void suspensionAndDeactivationEndEveryToken() {
        String t = token(alice);
        f.chain.applied(f.chain.registrar, TransactionBuilders.suspend("alice"));
        assertThat(active(t)).isFalse();
        f.chain.applied(f.chain.registrar, TransactionBuilders.restore("alice"));
        assertThat(active(t)).isTrue();
        f.chain.applied(alice, TransactionBuilders.deactivate("alice"));
        assertThat(active(t)).isFalse();
    }

    @Test
    void anOwnerRotationEndsTheOldOwnersTokens() {
        String t = token(alice);
        f.chain.applied(alice, TransactionBuilders.rotateOwner("alice", f.chain.key().address()));
        assertThat(active(t)).isFalse();
    }

    @Test
    void aMembershipThatEndsLeavesTheReportedScope() {
        f.chain.applied(alice, TransactionBuilders.createOrg("acme", "alice"));
        SigningKey bob = f.chain.fundedKey();
        f.chain.register(bob, "bob");
        f.chain.applied(alice, TransactionBuilders.addOrgMember("acme", "alice",
                io.gridchain.identity.model.MemberRef.identity("bob")));
        String t = issued(f.signInWith(bob, Map.of("scope", "memberof:acme"))).accessToken();
        assertThat(f.introspection.introspect(t)).containsEntry("scope", "identity memberof:acme");
        f.chain.applied(bob, TransactionBuilders.leaveOrg("acme", "bob"));
        assertThat(f.introspection.introspect(t)).containsEntry("active", true).containsEntry("scope", "identity");
    }

    @Test
    void revokedExpiredAndForgedTokensAreInactive() {
        String t = token(alice);
        assertThat(f.introspection.revoke(t, "alice")).isEmpty();
        assertThat(active(t)).isFalse();
        assertThat(f.introspection.revoke("garbage", "alice")).as("RFC 7009 §2.2: invalid tokens are not an error").isEmpty();
        String t2 = token(alice);
        f.clock.advance(f.config.tokenTtl().plus(Duration.ofSeconds(1)));
        assertThat(active(t2)).isFalse();
        assertThat(f.introspection.introspect("garbage")).isEqualTo(Map.of("active", false));
        assertThat(f.introspection.introspect(null)).isEqualTo(Map.of("active", false));
    }

    @Test
    void onlyTheTokensIdentityMayRevokeIt() {
        String t = token(alice);
        OAuthError e = f.introspection.revoke(t, "mallory").orElseThrow();
        assertThat(e.error()).isEqualTo(OAuthError.UNAUTHORIZED_CLIENT);
        assertThat(active(t)).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMetadataDocumentNamesEndpointsGrantsAndAlgorithms() {
        Map<String, Object> m = Json.read(AuthorizationServerMetadata.json(f.config));
        assertThat(m).containsEntry("issuer", "https://node.grid.example")
                .containsEntry("token_endpoint", "https://node.grid.example/oauth/token")
                .containsEntry("jwks_uri", "https://node.grid.example/oauth/jwks")
                .containsEntry("introspection_endpoint", "https://node.grid.example/oauth/introspect")
                .containsEntry("revocation_endpoint", "https://node.grid.example/oauth/revoke");
        assertThat((List<String>) m.get("grant_types_supported"))
                .containsExactly("urn:gridchain:params:oauth:grant-type:siwe", "client_credentials");
        assertThat((List<String>) m.get("token_endpoint_auth_methods_supported")).contains("private_key_jwt");
        assertThat((List<String>) m.get("token_endpoint_auth_signing_alg_values_supported")).containsExactly("ES256K");
    }
}
