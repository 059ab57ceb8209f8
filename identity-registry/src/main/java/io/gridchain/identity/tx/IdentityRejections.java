package io.gridchain.identity.tx;

/**
 * Rejection codes of the identity ledger (stable slugs; the API turns them into problem types).
 * Shared envelope codes (insufficient balance, invalid payload) are those of {@code Rejection}.
 */
public final class IdentityRejections {
    public static final String INVALID_NAME = "invalid-name";
    public static final String NAME_TAKEN = "name-taken";
    public static final String IDENTITY_NOT_FOUND = "identity-not-found";
    public static final String IDENTITY_NOT_ACTIVE = "identity-not-active";
    public static final String NOT_OWNER = "not-owner";
    public static final String NOT_AUTHORIZED = "not-authorized";
    public static final String INVALID_METADATA = "invalid-metadata";
    public static final String KEY_EXISTS = "key-exists";
    public static final String KEY_NOT_FOUND = "key-not-found";
    public static final String KEY_ALREADY_REVOKED = "key-already-revoked";
    public static final String TOO_MANY_KEYS = "too-many-keys";
    public static final String REGISTRAR_SIGNATURE_REQUIRED = "registrar-signature-required";
    public static final String REGISTRAR_SIGNATURE_INVALID = "registrar-signature-invalid";
    public static final String NOT_REGISTRAR = "not-registrar";
    public static final String NOT_SUSPENDED = "not-suspended";
    public static final String ROTATION_PENDING = "rotation-pending";
    public static final String NO_PENDING_ROTATION = "no-pending-rotation";
    public static final String ORG_EXISTS = "org-exists";
    public static final String ORG_NOT_FOUND = "org-not-found";
    public static final String PARENT_NOT_FOUND = "parent-org-not-found";
    public static final String NOT_ORG_OWNER = "not-org-owner";
    public static final String MEMBER_EXISTS = "member-exists";
    public static final String MEMBER_NOT_FOUND = "member-not-found";
    public static final String LAST_OWNER = "last-owner";
    public static final String TOO_MANY_MEMBERS = "too-many-members";

    private IdentityRejections() {}
}
