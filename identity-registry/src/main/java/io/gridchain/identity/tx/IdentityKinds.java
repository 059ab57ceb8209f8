package io.gridchain.identity.tx;

/** The transaction kinds of this module. */
public final class IdentityKinds {
    public static final String REGISTER = "identity.register";
    public static final String ADD_KEY = "identity.add-key";
    public static final String REVOKE_KEY = "identity.revoke-key";
    public static final String ROTATE_OWNER = "identity.rotate-owner";
    public static final String CANCEL_ROTATION = "identity.cancel-rotation";
    public static final String UPDATE_METADATA = "identity.update-metadata";
    public static final String DEACTIVATE = "identity.deactivate";
    public static final String SUSPEND = "identity.suspend";
    public static final String RESTORE = "identity.restore";
    public static final String ORG_CREATE = "org.create";
    public static final String ORG_ADD_OWNER = "org.add-owner";
    public static final String ORG_REMOVE_OWNER = "org.remove-owner";
    public static final String ORG_ADD_MEMBER = "org.add-member";
    public static final String ORG_REMOVE_MEMBER = "org.remove-member";
    public static final String ORG_LEAVE = "org.leave";

    private IdentityKinds() {}
}
