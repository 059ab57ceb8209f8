package io.gridchain.identity.model;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * What an identity says about itself. Every field may be empty. {@code emailHash} is keccak256 of the
 * lowercase email address (32 bytes), so the email address itself is never on chain; {@code serviceUri} is an
 * absolute http(s) URI; {@code encryptionKey} is a public key for encrypting to the identity (at most
 * 65 bytes: X25519, compressed or uncompressed secp256k1).
 */
public record Metadata(String displayName, Bytes emailHash, String serviceUri, Bytes encryptionKey) {
    public static final Metadata EMPTY = new Metadata("", Bytes.of(new byte[0]), "", Bytes.of(new byte[0]));
    public static final int MAX_DISPLAY_NAME = 64;
    public static final int MAX_URI = 256;
    public static final int MAX_ENCRYPTION_KEY = 65;

    /** Why this metadata is not acceptable, or empty. */
    public Optional<String> problem() {
        if (displayName.length() > MAX_DISPLAY_NAME) {
            return Optional.of("display name is longer than " + MAX_DISPLAY_NAME + " characters");
        }
        if (displayName.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("display name contains control characters");
        }
        if (emailHash.length() != 0 && emailHash.length() != 32) {
            return Optional.of("email hash must be 32 bytes (keccak256), got " + emailHash.length());
        }
        if (encryptionKey.length() > MAX_ENCRYPTION_KEY) {
            return Optional.of("encryption key is longer than " + MAX_ENCRYPTION_KEY + " bytes");
        }
        return serviceUriProblem();
    }

    private Optional<String> serviceUriProblem() {
        if (serviceUri.isEmpty()) {
            return Optional.empty();
        }
        if (serviceUri.length() > MAX_URI) {
            return Optional.of("service URI is longer than " + MAX_URI + " characters");
        }
        try {
            URI uri = new URI(serviceUri);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return Optional.of("service URI must be an absolute http(s) URI with a host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("service URI is not a URI: " + e.getReason());
        }
    }

    public byte[] encode() {
        return Rlp.list(Rlp.string(displayName), Rlp.bytes(emailHash.toArray()), Rlp.string(serviceUri),
                Rlp.bytes(encryptionKey.toArray()));
    }

    public static Metadata decode(RlpReader item) {
        RlpReader r = item.list();
        Metadata m = new Metadata(r.string(), Bytes.of(r.bytes()), r.string(), Bytes.of(r.bytes()));
        r.finish("metadata");
        return m;
    }
}
