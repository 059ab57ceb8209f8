package io.gridchain.identity.auth;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateReader;
import io.gridchain.identity.model.Identity;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The token endpoint's logic. {@link #challenge} issues a SIWE message with a fresh single-use nonce
 * bound to (address, domain, chain, audience); {@link #token} takes the form parameters of a token
 * request and answers with a token or an RFC 6749 error. Grants: the SIWE grant and
 * {@code client_credentials} with a {@code private_key_jwt} assertion. Identities are read from
 * {@code state}, the node's latest committed state.
 */
public final class SignInService {
    private static final int MAX_AUDIENCE = 256;

    private final AuthConfig config;
    private final ChallengeNonces nonces;
    private final Supplier<? extends StateReader> state;
    private final AccessTokens tokens;
    private final ClientAssertions clients;
    private final SiweGrant siwe;
    private final Clock clock;

    /** {@code spentNonces} remembers the nonces of sign-ins that succeeded, each until it expires. */
    public SignInService(AuthConfig config, ChallengeNonces nonces, TokenIdStore spentNonces,
                         Supplier<? extends StateReader> state, AccessTokens tokens, ClientAssertions clients,
                         Clock clock) {
        this.config = config;
        this.nonces = nonces;
        this.state = state;
        this.tokens = tokens;
        this.clients = clients;
        this.siwe = new SiweGrant(config, nonces, spentNonces, clock);
        this.clock = clock;
    }

    public sealed interface ChallengeResult {
        record Issued(String nonce, String message, Instant expiresAt) implements ChallengeResult {}

        record Refused(OAuthError error) implements ChallengeResult {}
    }

    /**
     * A SIWE message for {@code address} to sign, valid for the configured challenge lifetime. Nothing is
     * stored: the nonce is a MAC over the message's fields ({@link ChallengeNonces}), so a flood of
     * challenges costs the node one HMAC each and cannot crowd out anyone's sign-in.
     */
    public ChallengeResult challenge(String address, String audience) {
        Address.Parsed parsed = Address.parse(address);
        if (parsed instanceof Address.Parsed.Invalid invalid) {
            return new ChallengeResult.Refused(OAuthError.invalidRequest("address: " + invalid.reason()));
        }
        Optional<String> audienceProblem = audienceProblem(audience);
        if (audienceProblem.isPresent()) {
            return new ChallengeResult.Refused(OAuthError.invalidRequest(audienceProblem.get()));
        }
        String checksummed = ((Address.Parsed.Valid) parsed).address().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(config.challengeTtl());
        SiweMessage unsigned = message(checksummed, audience, now, expires, "");
        String nonce = nonces.issue(unsigned, expires);
        return new ChallengeResult.Issued(nonce, message(checksummed, audience, now, expires, nonce).render(), expires);
    }

    private SiweMessage message(String address, String audience, Instant now, Instant expires, String nonce) {
        return new SiweMessage(Optional.empty(), config.domain(), address, Optional.of(config.statement()),
                config.siweUri(), "1", config.chainId(), nonce, now, Optional.of(expires), Optional.empty(),
                Optional.empty(), List.of(audience));
    }

    /** The audience becomes a line of the SIWE message: an absolute URI, no whitespace. */
    private static Optional<String> audienceProblem(String audience) {
        if (audience == null || audience.isEmpty() || audience.length() > MAX_AUDIENCE) {
            return Optional.of("audience must be an absolute URI of at most " + MAX_AUDIENCE + " characters");
        }
        if (!audience.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            return Optional.of("audience must be printable ASCII without spaces");
        }
        try {
            if (new URI(audience).getScheme() == null) {
                return Optional.of("audience must be an absolute URI");
            }
        } catch (URISyntaxException e) {
            return Optional.of("audience is not a URI: " + e.getReason());
        }
        return Optional.empty();
    }

    /** Handles a token request given its form parameters (application/x-www-form-urlencoded, decoded). */
    public TokenResult token(Map<String, String> form) {
        String grant = form.get("grant_type");
        if (grant == null) {
            return refused(OAuthError.invalidRequest("grant_type is required"));
        }
        if (grant.equals(AuthConfig.SIWE_GRANT)) {
            return siweGrant(form);
        }
        if (grant.equals(AuthConfig.CLIENT_CREDENTIALS)) {
            return clientCredentials(form);
        }
        return refused(new OAuthError(OAuthError.UNSUPPORTED_GRANT_TYPE, "grant type '" + grant
                + "' is not supported; use " + AuthConfig.SIWE_GRANT + " or " + AuthConfig.CLIENT_CREDENTIALS));
    }

    private TokenResult siweGrant(Map<String, String> form) {
        StateReader now = state.get();
        SiweGrant.Outcome outcome = siwe.verify(form, now);
        if (outcome instanceof SiweGrant.Outcome.Refused r) {
            return refused(r.error());
        }
        SiweGrant.SignedIn in = ((SiweGrant.Outcome.Ok) outcome).signedIn();
        return issue(now, in.identity(), in.address(), in.audience(), form.get("scope"));
    }

    private TokenResult clientCredentials(Map<String, String> form) {
        String clientId = form.get("client_id");
        String type = form.get("client_assertion_type");
        String assertion = form.get("client_assertion");
        String audience = form.get("audience");
        if (type == null || assertion == null) {
            return refused(OAuthError.invalidClient("client authentication is private_key_jwt: client_assertion_type "
                    + AuthConfig.JWT_BEARER_ASSERTION + " and client_assertion are required"));
        }
        if (!type.equals(AuthConfig.JWT_BEARER_ASSERTION)) {
            return refused(OAuthError.invalidClient("unsupported client_assertion_type " + type));
        }
        if (clientId == null) {
            return refused(OAuthError.invalidRequest("client_id (the client's identity name) is required"));
        }
        Optional<String> audienceProblem = audienceProblem(audience);
        if (audienceProblem.isPresent()) {
            return refused(OAuthError.invalidRequest(audienceProblem.get()));
        }
        StateReader now = state.get();
        ClientAssertions.Verified verified = clients.verify(clientId, assertion, now);
        if (verified instanceof ClientAssertions.Verified.Refused r) {
            return refused(r.error());
        }
        ClientAssertions.Client client = ((ClientAssertions.Verified.Ok) verified).client();
        return issue(now, client.identity(), client.key(), audience, form.get("scope"));
    }

    private TokenResult issue(StateReader now, Identity identity, Address address, String audience, String scope) {
        Scopes.Resolved scopes = Scopes.resolve(now, identity.name(), Optional.ofNullable(scope));
        if (scopes instanceof Scopes.Resolved.Refused r) {
            return refused(r.error());
        }
        long ttl = config.tokenTtl().toSeconds();
        AccessTokens.Issued issued = tokens.issue(identity.name(), audience, address.toString(),
                ((Scopes.Resolved.Granted) scopes).scope(), ttl);
        return new TokenResult.Issued(issued.token(), ttl, issued.claims());
    }

    private static TokenResult refused(OAuthError error) {
        return new TokenResult.Refused(error);
    }
}
