package io.gridchain.identity.auth;

import io.gridchain.core.crypto.Address;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What a client checks before it signs a sign-in challenge a node sent: that the message is one it
 * means to sign. A node (or whoever answers at its URL) could otherwise hand it another site's message,
 * and the signature would sign the client in there. The rule, for {@code gridchain login}, the Java
 * client and any caller of {@code POST /oauth/challenge} or {@code POST /v1/identities/{name}/verify}:
 * the domain is the host:port of the node URL called; the URI has that URL's scheme, host and port; the
 * chain id is the one expected; the address is the signer's; the audience asked for is among the
 * resources; it expires, in the future and within {@link #MAX_LIFETIME}, and was issued no later than
 * now plus {@link #CLOCK_LEEWAY}.
 */
public final class SiweChallengeCheck {
    /** A challenge lives 5 minutes on the node; a longer-lived one is not the node's. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(10);
    /** How far the client's clock may be behind or ahead of the node's. */
    public static final Duration CLOCK_LEEWAY = Duration.ofSeconds(60);

    private SiweChallengeCheck() {}

    /** Empty if {@code message} is fit to sign; else the reason, one line. */
    public static Optional<String> problem(String message, URI nodeUrl, Address signer, long chainId, String audience,
                                           Instant now) {
        SiweMessage.Parsed parsed = SiweMessage.parse(message);
        if (parsed instanceof SiweMessage.Parsed.Invalid invalid) {
            return Optional.of("the node's challenge is not a SIWE message: " + invalid.reason());
        }
        SiweMessage m = ((SiweMessage.Parsed.Valid) parsed).message();
        String authority = authority(nodeUrl);
        if (!m.domain().equalsIgnoreCase(authority)) {
            return Optional.of("the challenge is for " + m.domain() + ", not for " + authority + ", the node called");
        }
        URI uri = URI.create(m.uri());
        if (!nodeUrl.getScheme().equalsIgnoreCase(String.valueOf(uri.getScheme())) || !authority.equalsIgnoreCase(authority(uri))) {
            return Optional.of("the challenge's URI " + m.uri() + " is not at " + nodeUrl.getScheme() + "://" + authority);
        }
        if (m.chainId() != chainId) {
            return Optional.of("the challenge is for chain " + m.chainId() + ", not chain " + chainId);
        }
        if (!m.address().equalsIgnoreCase(signer.toString())) {
            return Optional.of("the challenge is for " + m.address() + ", not for the signing key " + signer);
        }
        if (!m.resources().contains(audience)) {
            return Optional.of("the challenge is not for the audience " + audience);
        }
        if (m.expirationTime().isEmpty()) {
            return Optional.of("the challenge has no expiration time");
        }
        Instant expires = m.expirationTime().get();
        if (!expires.isAfter(now.minus(CLOCK_LEEWAY))) {
            return Optional.of("the challenge expired at " + expires);
        }
        if (expires.isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_LEEWAY))) {
            return Optional.of("the challenge expires at " + expires + ", more than " + MAX_LIFETIME.toMinutes()
                    + " minutes from now");
        }
        if (m.issuedAt().isAfter(now.plus(CLOCK_LEEWAY))) {
            return Optional.of("the challenge was issued at " + m.issuedAt() + ", in the future");
        }
        return Optional.empty();
    }

    /** host:port as a SIWE domain names it: the port only when the URL gives one. */
    private static String authority(URI url) {
        return url.getPort() < 0 ? String.valueOf(url.getHost()) : url.getHost() + ":" + url.getPort();
    }
}
