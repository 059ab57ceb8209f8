package io.gridchain.identity.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An OAuth 2.0 error response (RFC 6749 §5.2; RFC 7009 and RFC 7662 use the same shape). The node maps
 * it to HTTP 400, or 401 for {@code invalid_client}.
 */
public record OAuthError(String error, String description) {
    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_CLIENT = "invalid_client";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNAUTHORIZED_CLIENT = "unauthorized_client";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";
    public static final String INVALID_SCOPE = "invalid_scope";
    public static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(INVALID_REQUEST, description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(INVALID_GRANT, description);
    }

    public static OAuthError invalidClient(String description) {
        return new OAuthError(INVALID_CLIENT, description);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", error);
        m.put("error_description", description);
        return m;
    }
}
