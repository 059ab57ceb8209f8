package io.gridchain.node.api;

import io.gridchain.core.tx.Rejection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem. {@code code} is the stable slug clients match on; the problem {@code type} is
 * the URN {@code urn:gridchain:problem:<code>}. This is the one place domain failures become HTTP.
 */
public record Problem(int status, String code, String title, String detail) {
    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem badRequest(String code, String detail) {
        return new Problem(400, code, "Bad request", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    /** A refused transaction: the status says whether retrying could help. */
    public static Problem of(Rejection rejection) {
        int status = switch (rejection.code()) {
            case Rejection.NONCE_USED, Rejection.NONCE_GAP, "already-pending" -> 409;
            case Rejection.INSUFFICIENT_BALANCE, Rejection.FEE_TOO_LOW, Rejection.INVALID_PAYLOAD -> 422;
            case Rejection.TOO_LARGE -> 413;
            case "mempool-full", "too-many-pending-for-sender" -> 503;
            default -> rejection.code().contains(".") ? 422 : 400;
        };
        return new Problem(status, rejection.code(), "Transaction refused", rejection.detail());
    }

    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:gridchain:problem:" + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        if (instance != null) {
            body.put("instance", instance);
        }
        return body;
    }
}
