package io.gridchain.node.api;

import io.gridchain.node.chain.Ledger;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.metrics.NodeMetrics;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import io.gridchain.core.tx.Transaction;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP API on Javalin: the routes of each module, one mapping of failures to RFC 9457
 * problems, a body size limit, the OpenAPI document and the Prometheus metrics.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    public static final long MAX_BODY_BYTES = 8L << 20;
    /** Set on a request answered with a problem, so the 404 page does not replace a route's own 404. */
    private static final String ANSWERED_WITH_PROBLEM = "gridchain.problem";

    private final Javalin app;
    private final List<String> routes;

    private ApiServer(Javalin app, List<String> routes) {
        this.app = app;
        this.routes = routes;
    }

    /** Extra route groups (identity, capacity, …) plug in here. */
    public interface Routes extends Consumer<Javalin> {}

    public static ApiServer start(String host, int port, Ledger ledger, Mempool mempool, NodeMetrics metrics,
                                  PayloadViews payloads, List<Routes> extraRoutes) {
        return start(host, port, ledger, mempool, metrics, payloads, extraRoutes, Map::of, tx -> {}, ApiLimits.DEFAULT);
    }

    /**
     * @param statusExtras fields a networked node adds to {@code /v1/status}
     * @param relay called with each transaction the API admitted, to gossip it to the network
     * @param limits what a request, a client and the API in all may cost (see {@link ApiLimits})
     */
    public static ApiServer start(String host, int port, Ledger ledger, Mempool mempool, NodeMetrics metrics,
                                  PayloadViews payloads, List<Routes> extraRoutes,
                                  Supplier<Map<String, Object>> statusExtras, Consumer<Transaction> relay,
                                  ApiLimits limits) {
        List<String> served = new java.util.concurrent.CopyOnWriteArrayList<>();
        Javalin app = Javalin.create(config -> {
            config.events(events -> events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    served.add(h.getHttpMethod() + " " + h.getPath());
                }
            }));
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.defaultContentType = "application/json";
        });
        new RequestThrottle(limits, System::nanoTime).install(app);
        new ChainRoutes(ledger, mempool, metrics, new JsonViews(payloads), statusExtras, relay, limits).register(app);
        for (Routes routes : extraRoutes) {
            routes.accept(app);
        }
        byte[] openApi = resource("/openapi.json");
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.render()));
        mapFailures(app);
        try {
            app.start(host, port);
        } catch (io.javalin.util.JavalinBindException e) {
            throw new PortInUse(host, port, e);
        }
        return new ApiServer(app, served);
    }

    /** The API's port could not be bound; said without Javalin's types, which stay in this package. */
    public static final class PortInUse extends RuntimeException {
        public PortInUse(String host, int port, Throwable cause) {
            super("cannot listen on " + host + ":" + port, cause);
        }
    }

    private static void mapFailures(Javalin app) {
        app.exception(ProblemException.class, (e, ctx) -> {
            e.retryAfterSeconds().ifPresent(s -> ctx.header("Retry-After", Long.toString(s)));
            respond(ctx, e.problem());
        });
        app.exception(HttpResponseException.class, (e, ctx) -> respond(ctx, fromJavalin(e, ctx)));
        app.exception(Exception.class, (e, ctx) -> {
            // one line: a request must not be able to fill the log with stack traces; the trace is at debug
            log.error("unexpected failure serving {} {}: {}", ctx.method(), ctx.path(), e.toString());
            log.debug("the failure serving {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, new Problem(500, "internal-error", "Internal error",
                    "the node failed to answer this request; the cause is in its log"));
        });
        app.error(404, ctx -> {
            if (ctx.attribute(ANSWERED_WITH_PROBLEM) == null) {
                respond(ctx, Problem.notFound("no route " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> respond(ctx, new Problem(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path())));
    }

    /** Keeps a route's own error answer (the console's HTML 404 page) from being replaced by the problem 404. */
    public static void keepOwnAnswer(Context ctx) {
        ctx.attribute(ANSWERED_WITH_PROBLEM, Boolean.TRUE);
    }

    /** Javalin's own refusals: an unmatched route, a body over the limit, a wrong method. */
    private static Problem fromJavalin(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> Problem.notFound("no route " + ctx.method() + " " + ctx.path());
            case 405 -> new Problem(405, "method-not-allowed", "Method not allowed", ctx.method() + " is not allowed on " + ctx.path());
            case 413 -> new Problem(413, "body-too-large", "Request refused",
                    "the request body exceeds the limit of " + MAX_BODY_BYTES + " bytes");
            default -> new Problem(e.getStatus(), "http-" + e.getStatus(), "Request refused", e.getMessage());
        };
    }

    static void respond(Context ctx, Problem problem) {
        ctx.attribute(ANSWERED_WITH_PROBLEM, Boolean.TRUE);
        if ((problem.status() == 429 || problem.status() == 503) && ctx.res().getHeader("Retry-After") == null) {
            ctx.header("Retry-After", "1"); // RFC 9110 §10.2.3: when a client may try again
        }
        ctx.status(problem.status());
        ctx.json(problem.body(ctx.path()));
        ctx.contentType(Problem.CONTENT_TYPE);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return app.port();
    }

    /** Every route served, as "GET /v1/status": what the OpenAPI document must describe. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    @Override
    public void close() {
        app.stop();
    }
}
