package io.gridchain.identity.model;

import java.util.Optional;

/**
 * What a key may do. {@code authentication}: sign in (SIWE, client assertions) and act for the identity
 * in organizations; {@code assertion}: sign statements (personal_sign) on behalf of the identity;
 * {@code recovery}: request an owner rotation (which waits out the rotation delay).
 */
public enum KeyPurpose {
    AUTHENTICATION("authentication"),
    ASSERTION("assertion"),
    RECOVERY("recovery");

    private final String wireName;

    KeyPurpose(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<KeyPurpose> parse(String text) {
        for (KeyPurpose p : values()) {
            if (p.wireName.equals(text)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
