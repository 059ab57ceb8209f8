package io.gridchain.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Reads an error response: an RFC 9457 problem document, or whatever a proxy put in its place. */
final class NodeProblems {
    private NodeProblems() {}

    static NodeProblem from(int httpStatus, String body) {
        JsonNode json = null;
        try {
            json = NodeJson.MAPPER.readTree(body);
        } catch (Exception e) {
            // not JSON: a proxy or a crash page; described below
        }
        if (json == null || !json.isObject()) {
            String excerpt = body == null ? "" : body.strip();
            excerpt = excerpt.length() > 200 ? excerpt.substring(0, 200) + "…" : excerpt;
            return new NodeProblem(httpStatus, "about:blank", "HTTP " + httpStatus,
                    Optional.of("the node answered HTTP " + httpStatus + (excerpt.isEmpty() ? "" : ": " + excerpt)));
        }
        if (json.path("error").isTextual() && !json.has("type")) {
            // an OAuth error (RFC 6749 §5.2) from the /oauth endpoints
            return new NodeProblem(httpStatus, "urn:ietf:params:oauth:error:" + json.get("error").asText(),
                    json.get("error").asText(), Optional.of(json.path("error_description").asText(json.get("error").asText())));
        }
        String type = json.path("type").asText("about:blank");
        String title = json.path("title").asText("HTTP " + httpStatus);
        int status = json.path("status").canConvertToInt() && json.path("status").isIntegralNumber()
                ? json.get("status").intValue() : httpStatus;
        Optional<String> detail = json.path("detail").isTextual() ? Optional.of(json.get("detail").asText())
                : Optional.empty();
        return new NodeProblem(status, type, title, detail);
    }
}
