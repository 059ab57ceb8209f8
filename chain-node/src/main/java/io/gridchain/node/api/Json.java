package io.gridchain.node.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Request-body parsing that turns every malformed input into a precise problem. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static JsonNode readObject(Context ctx) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw new ProblemException(Problem.badRequest("malformed-request", "the request body is empty; JSON was expected"));
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.badRequest("malformed-json", "malformed JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (java.io.IOException e) {
            throw new ProblemException(Problem.badRequest("malformed-json", "unreadable body: " + e.getMessage()));
        }
        if (node == null || !node.isObject()) {
            throw new ProblemException(Problem.badRequest("malformed-request", "the request body must be a JSON object"));
        }
        return node;
    }

    public static String requireText(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual()) {
            throw new ProblemException(Problem.badRequest("malformed-request", "field '" + field + "' (a string) is required"));
        }
        return v.asText();
    }
}
