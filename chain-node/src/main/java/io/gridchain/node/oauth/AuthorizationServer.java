package io.gridchain.node.oauth;

import io.gridchain.core.state.StateReader;
import io.gridchain.identity.auth.AccessTokens;
import io.gridchain.identity.auth.AuthConfig;
import io.gridchain.identity.auth.ClientAssertions;
import io.gridchain.identity.auth.BoundedTokenIdStore;
import io.gridchain.identity.auth.ChallengeNonces;
import io.gridchain.identity.auth.OAuthError;
import io.gridchain.identity.auth.SignInService;
import io.gridchain.identity.auth.TokenIntrospection;
import io.gridchain.identity.auth.TokenKeys;
import io.gridchain.node.storage.KeyValueStore;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The node's authorization server, composed from the identity module's services over the committed
 * state: sign-in (challenges, token grants), introspection and revocation, and the rule for who may
 * call introspection and revocation (see {@link #authenticateCaller}).
 */
public final class AuthorizationServer {
    public static final Duration CHALLENGE_TTL = Duration.ofMinutes(5);
    public static final Duration TOKEN_TTL = Duration.ofMinutes(15);
    /**
     * Spent nonces, used client assertions and revoked tokens each an identity may have unexpired at once:
     * far beyond one honest wallet (a sign-in a second for the 5 minutes of a challenge is 300), and the
     * most one identity can make the node remember.
     */
    public static final int MAX_IDS_PER_IDENTITY = 1_000;
    /** The bound of each kind in all (about 200 bytes an id in memory): memory, not fairness. */
    public static final int MAX_IDS = 200_000;

    private final AuthConfig config;
    private final TokenKeys keys;
    private final SignInService signIn;
    private final TokenIntrospection introspection;
    private final ClientAssertions callerAssertions;
    private final Supplier<? extends StateReader> state;

    /**
     * {@code ids} keeps the single-use ids (spent nonces, used assertions, revocations) across restarts;
     * the challenge nonces' key is derived from the token key, so challenges outstanding then stay valid.
     */
    public AuthorizationServer(String issuer, long chainId, TokenKeys keys, KeyValueStore ids,
                               Supplier<? extends StateReader> state, Clock clock) {
        URI uri = URI.create(issuer);
        String domain = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        this.config = new AuthConfig(issuer, domain, issuer, chainId, CHALLENGE_TTL, TOKEN_TTL,
                "Sign in to Gridchain");
        this.keys = keys;
        this.state = state;
        AccessTokens tokens = new AccessTokens(keys, issuer, chainId, clock);
        BoundedTokenIdStore usedAssertions = stored(ids, 'a', false, clock);
        this.signIn = new SignInService(config, ChallengeNonces.derivedFrom(keys, new SecureRandom()),
                stored(ids, 'n', false, clock), state, tokens, new ClientAssertions(config, usedAssertions, clock), clock);
        this.introspection = new TokenIntrospection(tokens, stored(ids, 'r', true, clock), state);
        this.callerAssertions = new ClientAssertions(config, usedAssertions, clock);
    }

    private static BoundedTokenIdStore stored(KeyValueStore ids, char column, boolean sync, Clock clock) {
        return new BoundedTokenIdStore(clock, new StoredTokenIds(ids, column, sync), MAX_IDS_PER_IDENTITY, MAX_IDS);
    }

    public AuthConfig config() {
        return config;
    }

    public TokenKeys keys() {
        return keys;
    }

    public SignInService signIn() {
        return signIn;
    }

    public TokenIntrospection introspection() {
        return introspection;
    }

    /**
     * Who may introspect or revoke: a caller that proves an identity, either with a client assertion
     * ({@code private_key_jwt}: {@code client_id}, {@code client_assertion_type}, {@code client_assertion}
     * signed by the owner or an authentication key of an active identity) or with an active access token
     * of this node in {@code Authorization: Bearer}. Returns the caller's identity name, or the error.
     */
    public Caller authenticateCaller(Map<String, String> form, Optional<String> authorization) {
        if (form.containsKey("client_assertion")) {
            String type = form.get("client_assertion_type");
            String clientId = form.get("client_id");
            if (!AuthConfig.JWT_BEARER_ASSERTION.equals(type) || clientId == null) {
                return new Caller.Refused(OAuthError.invalidClient("a client assertion needs client_id and "
                        + "client_assertion_type " + AuthConfig.JWT_BEARER_ASSERTION));
            }
            ClientAssertions.Verified verified = callerAssertions.verify(clientId, form.get("client_assertion"), state.get());
            if (verified instanceof ClientAssertions.Verified.Refused r) {
                return new Caller.Refused(OAuthError.invalidClient(r.error().description()));
            }
            return new Caller.Identified(((ClientAssertions.Verified.Ok) verified).client().identity().name());
        }
        if (authorization.isPresent() && authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return introspection.activeClaims(authorization.get().substring(7).trim())
                    .<Caller>map(c -> new Caller.Identified(c.subject()))
                    .orElseGet(() -> new Caller.Refused(OAuthError.invalidClient(
                            "the bearer token is not an active access token of this node")));
        }
        return new Caller.Refused(OAuthError.invalidClient("authenticate with a client assertion (private_key_jwt) "
                + "or an active access token (Authorization: Bearer)"));
    }

    public sealed interface Caller {
        record Identified(String identity) implements Caller {}

        record Refused(OAuthError error) implements Caller {}
    }
}
