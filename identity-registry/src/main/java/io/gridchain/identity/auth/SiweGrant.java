package io.gridchain.identity.auth;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.state.StateReader;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.PersonalSign;
import io.gridchain.identity.model.Identity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SIWE grant ({@code urn:gridchain:params:oauth:grant-type:siwe}): form parameters {@code message},
 * {@code signature} (0x-hex, 65 bytes, EIP-191 personal_sign of the message), optional {@code identity}
 * (needed when the address is an authentication key, or owns several identities) and {@code scope}.
 * A malformed message is {@code invalid_request}; every other refusal is {@code invalid_grant}.
 */
final class SiweGrant {
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final AuthConfig config;
    private final ChallengeNonces nonces;
    private final TokenIdStore spentNonces;
    private final Clock clock;

    SiweGrant(AuthConfig config, ChallengeNonces nonces, TokenIdStore spentNonces, Clock clock) {
        this.config = config;
        this.nonces = nonces;
        this.spentNonces = spentNonces;
        this.clock = clock;
    }

    /** The verified sign-in: who signed, as which identity, for which audience. */
    record SignedIn(Identity identity, Address address, String audience) {}

    sealed interface Outcome {
        record Ok(SignedIn signedIn) implements Outcome {}

        record Refused(OAuthError error) implements Outcome {}
    }

    Outcome verify(Map<String, String> form, StateReader state) {
        String text = form.get("message");
        String signature = form.get("signature");
        if (text == null || signature == null) {
            return refused(OAuthError.invalidRequest("the SIWE grant needs the parameters message and signature"));
        }
        SiweMessage.Parsed parsed = SiweMessage.parse(text);
        if (parsed instanceof SiweMessage.Parsed.Invalid invalid) {
            return refused(OAuthError.invalidRequest("malformed SIWE message: " + invalid.reason()));
        }
        SiweMessage message = ((SiweMessage.Parsed.Valid) parsed).message();
        Optional<String> problem = checkMessage(message);
        ChallengeNonces.Checked nonce = nonces.check(message, clock.instant());
        if (problem.isEmpty() && nonce instanceof ChallengeNonces.Checked.Invalid invalidNonce) {
            problem = Optional.of(invalidNonce.reason());
        }
        if (problem.isEmpty()) {
            problem = checkSignature(text, signature, message.address());
        }
        if (problem.isPresent()) {
            return refused(OAuthError.invalidGrant(problem.get()));
        }
        Address address = Address.require(message.address());
        Optional<Identity> identity = identityFor(address, Optional.ofNullable(form.get("identity")), state);
        if (identity.isEmpty()) {
            return refused(OAuthError.invalidGrant(address + " cannot sign in as "
                    + form.getOrDefault("identity", "an identity it owns")
                    + ": it must be the owner or an active authentication key of an active identity"));
        }
        Optional<OAuthError> spent = spend(message.nonce(), identity.get().name(),
                ((ChallengeNonces.Checked.Valid) nonce).expiresAt());
        return spent.<Outcome>map(Outcome.Refused::new)
                .orElseGet(() -> new Outcome.Ok(new SignedIn(identity.get(), address, message.resources().get(0))));
    }

    /**
     * Spends the nonce, only now that the sign-in is known to succeed: a request that fails earlier costs
     * the node no memory, and so cannot be used to fill the store of spent nonces.
     */
    private Optional<OAuthError> spend(String nonce, String identity, java.time.Instant expiresAt) {
        return switch (spentNonces.add(nonce, identity, expiresAt)) {
            case ADDED -> Optional.empty();
            case ALREADY_PRESENT -> Optional.of(OAuthError.invalidGrant(
                    "the nonce was already used; ask for a new challenge"));
            case OWNER_FULL -> Optional.of(new OAuthError(OAuthError.TEMPORARILY_UNAVAILABLE, identity
                    + " has signed in too often within one challenge lifetime; retry later"));
            case FULL -> Optional.of(new OAuthError(OAuthError.TEMPORARILY_UNAVAILABLE,
                    "the node has too many recent sign-ins to remember; retry later"));
        };
    }

    private Optional<String> checkMessage(SiweMessage m) {
        Instant now = clock.instant();
        if (!m.domain().equals(config.domain())) {
            return Optional.of("the message is for domain " + m.domain() + ", this is " + config.domain());
        }
        if (m.chainId() != config.chainId()) {
            return Optional.of("the message is for chain " + m.chainId() + ", this is chain " + config.chainId());
        }
        if (!m.uri().equals(config.siweUri())) {
            return Optional.of("the message URI is " + m.uri() + ", expected " + config.siweUri());
        }
        if (m.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("the message is issued in the future (" + m.issuedAt() + ")");
        }
        if (m.expirationTime().isPresent() && !now.isBefore(m.expirationTime().get())) {
            return Optional.of("the message expired at " + m.expirationTime().get());
        }
        if (m.notBefore().isPresent() && now.isBefore(m.notBefore().get())) {
            return Optional.of("the message is not valid before " + m.notBefore().get());
        }
        if (m.resources().size() != 1) {
            return Optional.of("the message must name exactly one resource, the audience");
        }
        if (!m.statement().equals(Optional.of(config.statement()))) {
            return Optional.of("the message's statement is not this node's: '" + config.statement() + "'");
        }
        return Optional.empty();
    }

    private static Optional<String> checkSignature(String text, String signatureHex, String address) {
        Signature.Decoded decoded = Signature.decodeHex(signatureHex);
        if (decoded instanceof Signature.Decoded.Invalid invalid) {
            return Optional.of("signature: " + invalid.reason());
        }
        Optional<Address> signer = ((Signature.Decoded.Valid) decoded).signature()
                .recoverSigner(PersonalSign.digest(text));
        if (signer.isEmpty() || !signer.get().equals(Address.require(address))) {
            return Optional.of("the signature is not by " + address + " over this message (EIP-191 personal_sign)");
        }
        return Optional.empty();
    }

    private static Optional<Identity> identityFor(Address address, Optional<String> name, StateReader state) {
        Optional<String> chosen = name;
        if (chosen.isEmpty()) {
            List<String> owned = IdentityState.NAMES_BY_OWNER.get(state, address).orElse(List.of());
            if (owned.size() != 1) {
                return Optional.empty();
            }
            chosen = Optional.of(owned.get(0));
        }
        return IdentityState.IDENTITIES.get(state, chosen.get()).filter(i -> i.canAuthenticate(address));
    }

    private static Outcome refused(OAuthError error) {
        return new Outcome.Refused(error);
    }
}
