package io.gridchain.identity.auth;

import io.gridchain.identity.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The authorization server metadata (RFC 8414) served at {@code /.well-known/oauth-authorization-server}. */
public final class AuthorizationServerMetadata {
    private AuthorizationServerMetadata() {}

    public static Map<String, Object> of(AuthConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issuer", config.issuer());
        m.put("token_endpoint", config.tokenEndpoint());
        m.put("jwks_uri", config.jwksUri());
        m.put("introspection_endpoint", config.introspectionEndpoint());
        m.put("revocation_endpoint", config.revocationEndpoint());
        m.put("grant_types_supported", List.of(AuthConfig.SIWE_GRANT, AuthConfig.CLIENT_CREDENTIALS));
        m.put("response_types_supported", List.of());
        m.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt", "none"));
        m.put("token_endpoint_auth_signing_alg_values_supported", List.of("ES256K"));
        // An active access token of this node (Authorization: Bearer) is accepted as well as a client assertion;
        // "bearer" is not an IANA-registered method name, but a client reading this list must learn of it.
        m.put("introspection_endpoint_auth_methods_supported", List.of("private_key_jwt", "bearer"));
        m.put("introspection_endpoint_auth_signing_alg_values_supported", List.of("ES256K"));
        m.put("revocation_endpoint_auth_methods_supported", List.of("private_key_jwt", "bearer"));
        m.put("revocation_endpoint_auth_signing_alg_values_supported", List.of("ES256K"));
        m.put("scopes_supported", List.of(Scopes.IDENTITY, Scopes.MEMBER_OF + "<org>"));
        m.put("access_token_signing_alg_values_supported", List.of("ES256"));
        m.put("gridchain_challenge_endpoint", config.challengeEndpoint());
        m.put("gridchain_chain_id", config.chainId());
        return m;
    }

    public static String json(AuthConfig config) {
        return Json.write(of(config));
    }
}
