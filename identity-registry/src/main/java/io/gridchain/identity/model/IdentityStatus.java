package io.gridchain.identity.model;

import java.util.Optional;

/** Active identities can act; a registrar may suspend and restore; deactivation is final. */
public enum IdentityStatus {
    ACTIVE("active"),
    SUSPENDED("suspended"),
    DEACTIVATED("deactivated");

    private final String wireName;

    IdentityStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<IdentityStatus> parse(String text) {
        for (IdentityStatus s : values()) {
            if (s.wireName.equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
