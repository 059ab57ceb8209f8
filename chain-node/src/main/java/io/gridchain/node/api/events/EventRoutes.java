package io.gridchain.node.api.events;

import io.gridchain.core.crypto.Address;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.Json;
import io.gridchain.node.api.Params;
import io.gridchain.node.api.Problem;
import io.gridchain.node.api.ProblemException;
import io.gridchain.node.events.LeaseEventFeed;
import io.javalin.Javalin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /v1/events?node=0x…}: server-sent events of the lease changes on one grid node, so a compute
 * node learns of them without polling. Each event's name is the change ({@code lease.created},
 * {@code lease.grace}, {@code lease.ended}, …), its id the block height, its data a JSON object.
 */
public final class EventRoutes implements ApiServer.Routes {
    private final LeaseEventFeed feed;

    public EventRoutes(LeaseEventFeed feed) {
        this.feed = feed;
    }

    @Override
    public void accept(Javalin app) {
        // Checked before the stream starts, so a bad request is still answered with a problem.
        app.before("/v1/events", ctx -> {
            String node = ctx.queryParam("node");
            if (node == null) {
                throw new ProblemException(Problem.badRequest("invalid-parameter", "the query parameter node is required"));
            }
            Params.address(node);
            String accept = ctx.header("Accept");
            if (accept == null || !accept.contains("text/event-stream")) {
                throw new ProblemException(new Problem(406, "not-acceptable", "Not acceptable",
                        "this is a server-sent event stream: send Accept: text/event-stream"));
            }
        });
        app.sse("/v1/events", client -> {
            Address node = Params.address(client.ctx().queryParam("node"));
            client.keepAlive();
            AutoCloseable subscription = feed.subscribe(node, e -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("type", e.type());
                data.put("height", e.height());
                data.put("node", e.node().toString());
                data.put("lease", e.leaseId());
                data.put("attributes", e.attributes());
                try {
                    client.sendEvent(e.type(), Json.MAPPER.writeValueAsString(data), Long.toString(e.height()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            client.onClose(() -> {
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // removing from a list does not fail
                }
            });
            client.sendComment("subscribed to lease events of " + node);
        });
    }
}
