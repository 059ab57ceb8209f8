package io.gridchain.identity.auth;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateReader;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.OrgMembership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Token introspection (RFC 7662) and revocation (RFC 7009). A token is active only if it verifies
 * (signature, issuer, expiry), was not revoked, and — re-checked against the latest committed state —
 * its identity is still active and the address that signed in is still its owner or an unrevoked
 * authentication key. The {@code scope} it reports leaves out any {@code memberof:<org>} that no
 * longer holds. Whoever calls these must have been authorized by the node (RFC 7662 §2.1).
 */
public final class TokenIntrospection {
    private final AccessTokens tokens;
    private final TokenIdStore revoked;
    private final Supplier<? extends StateReader> state;
    /**
     * The tokens' addresses, parsed: an EIP-55 check is a keccak, a twentieth of an introspection. Few
     * addresses sign in, but the map is cleared past {@link #MAX_ADDRESSES} all the same.
     */
    private final Map<String, Address> addresses = new ConcurrentHashMap<>();
    private static final int MAX_ADDRESSES = 100_000;

    public TokenIntrospection(AccessTokens tokens, TokenIdStore revoked, Supplier<? extends StateReader> state) {
        this.tokens = tokens;
        this.revoked = revoked;
        this.state = state;
    }

    /** The introspection response: {@code {"active": false}} or the token's claims with {@code active: true}. */
    public Map<String, Object> introspect(String token) {
        Optional<TokenClaims> claims = activeClaims(token);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("active", claims.isPresent());
        claims.ifPresent(c -> {
            out.put("scope", String.join(" ", scopesStillHeld(c)));
            out.put("token_type", "Bearer");
            out.put("sub", c.subject());
            out.put("aud", c.audience());
            out.put("iss", c.issuer());
            out.put("exp", c.expiresAt().getEpochSecond());
            out.put("iat", c.issuedAt().getEpochSecond());
            out.put("jti", c.jti());
            out.put("addr", c.address());
            out.put("chain_id", c.chainId());
        });
        return out;
    }

    /** The claims if the token is active now, else empty. */
    public Optional<TokenClaims> activeClaims(String token) {
        if (token == null) {
            return Optional.empty();
        }
        AccessTokens.Verified verified = tokens.verify(token, Optional.empty());
        if (!(verified instanceof AccessTokens.Verified.Valid valid)) {
            return Optional.empty();
        }
        TokenClaims c = valid.claims();
        if (revoked.contains(c.jti())) {
            return Optional.empty();
        }
        Optional<Address> address = address(c.address());
        if (address.isEmpty()) {
            return Optional.empty();
        }
        boolean stillHolds = IdentityState.IDENTITIES.get(state.get(), c.subject())
                .filter(i -> i.canAuthenticate(address.get())).isPresent();
        return stillHolds ? Optional.of(c) : Optional.empty();
    }

    private Optional<Address> address(String text) {
        Address known = addresses.get(text);
        if (known != null) {
            return Optional.of(known);
        }
        if (!(Address.parse(text) instanceof Address.Parsed.Valid valid)) {
            return Optional.empty();
        }
        if (addresses.size() >= MAX_ADDRESSES) {
            addresses.clear();
        }
        addresses.put(text, valid.address());
        return Optional.of(valid.address());
    }

    /** The token's scopes, less any {@code memberof:<org>} the identity no longer belongs to. */
    private List<String> scopesStillHeld(TokenClaims c) {
        StateReader now = state.get();
        List<String> held = new ArrayList<>();
        for (String scope : c.scope()) {
            if (!scope.startsWith(Scopes.MEMBER_OF) || OrgMembership.check(now, scope.substring(Scopes.MEMBER_OF.length()),
                    c.subject()) instanceof OrgMembership.Result.Member) {
                held.add(scope);
            }
        }
        return held;
    }

    /**
     * Revokes an access token (RFC 7009) for {@code caller}, an identity the node authenticated. Only the
     * token's subject may revoke it (§2.1: the client it was issued to; our tokens name no client other
     * than their subject). An unknown or invalid token is not an error (§2.2). Each identity has its own
     * bound of revoked tokens, so revoking many of one's own tokens cannot stop others revoking theirs.
     */
    public Optional<OAuthError> revoke(String token, String caller) {
        if (token == null) {
            return Optional.of(OAuthError.invalidRequest("token is required"));
        }
        AccessTokens.Verified verified = tokens.verify(token, Optional.empty());
        if (!(verified instanceof AccessTokens.Verified.Valid valid)) {
            return Optional.empty();
        }
        TokenClaims c = valid.claims();
        if (!c.subject().equals(caller)) {
            return Optional.of(new OAuthError(OAuthError.UNAUTHORIZED_CLIENT, caller
                    + " may not revoke a token of " + c.subject() + "; only the token's identity may"));
        }
        return switch (revoked.add(c.jti(), c.subject(), c.expiresAt())) {
            case ADDED, ALREADY_PRESENT -> Optional.empty();
            case OWNER_FULL -> Optional.of(new OAuthError(OAuthError.TEMPORARILY_UNAVAILABLE, c.subject()
                    + " has revoked as many unexpired tokens as one identity may; they expire within "
                    + "a token lifetime, retry then"));
            case FULL -> Optional.of(new OAuthError(OAuthError.TEMPORARILY_UNAVAILABLE,
                    "the revocation list is full; retry later"));
        };
    }
}
