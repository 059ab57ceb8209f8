package io.gridchain.node.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.function.LongSupplier;

/**
 * The API's admission of requests (see {@link ApiLimits}): a node-wide bound on requests in flight, and
 * for costly requests a per-client token bucket and a tighter bound of their own, shared fairly between
 * clients (see {@link FairGate}), so a flood of costly requests leaves threads and cores for cheap ones such
 * as {@code /v1/status}, and an honest client's sign-in waits its turn behind at most one request of each
 * other client. Refusals are problems with
 * {@code Retry-After}: 429 for a client over its rate (RFC 6585), 503 for a node at its bound.
 * The event stream is exempt: it lives as long as its subscriber and has bounds of its own.
 */
final class RequestThrottle {
    /** The units a costly request cost beyond the one it started with; set by the route that knows. */
    static final String EXTRA_COST = "gridchain.extraCost";
    private static final String IN_FLIGHT = "gridchain.inFlight";
    private static final String COSTLY = "gridchain.costly";
    /** How long a costly request may wait for its turn before it is answered 503. */
    static final long COSTLY_MAX_WAIT_NANOS = 2_000_000_000L;

    private final ApiLimits limits;
    private final ClientBuckets buckets;
    private final ConcurrencyGate all;
    private final FairGate costly;

    RequestThrottle(ApiLimits limits, LongSupplier nanos) {
        this.limits = limits;
        this.buckets = new ClientBuckets(limits.clientUnitsPerSecond(), limits.clientBurst(), limits.maxClients(), nanos);
        this.all = new ConcurrencyGate(limits.maxInFlight());
        this.costly = new FairGate(limits.maxCostlyInFlight(), limits.maxInFlight(), COSTLY_MAX_WAIT_NANOS);
    }

    /** Whether a request costs signature work or a large read. */
    static boolean costly(String method, String path) {
        if ("POST".equals(method)) {
            return path.startsWith("/oauth/") || path.startsWith("/v1/txs") || path.endsWith("/verify");
        }
        if ("GET".equals(method)) {
            return path.equals("/v1/blocks") || path.startsWith("/v1/blocks/") || path.startsWith("/v1/proofs/")
                    || path.equals("/v1/nodes") || path.equals("/v1/leases");
        }
        return false;
    }

    void install(Javalin app) {
        app.before(this::admit);
        app.after(this::release);
    }

    private void admit(Context ctx) {
        if (ctx.path().startsWith("/v1/events")) {
            return;
        }
        if (!all.tryEnter()) {
            throw overloaded("the node is answering " + all.size() + " requests already");
        }
        ctx.attribute(IN_FLIGHT, Boolean.TRUE);
        if (!costly(ctx.method().name(), ctx.path())) {
            return;
        }
        if (buckets.start(client(ctx)) instanceof ClientBuckets.Decision.Limited limited) {
            throw new ProblemException(new Problem(429, "rate-limited", "Too many requests",
                    "this client (" + client(ctx) + ") is over its limit of " + fmt(limits.clientUnitsPerSecond())
                            + " signature recoveries or large reads a second (burst " + limits.clientBurst()
                            + "); retry after " + limited.retryAfterSeconds() + " s"), limited.retryAfterSeconds());
        }
        boolean entered;
        try {
            entered = costly.enter(client(ctx));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw overloaded("the node is answering " + costly.size() + " costly requests already, and others wait their turn");
        }
        ctx.attribute(COSTLY, Boolean.TRUE);
    }

    private void release(Context ctx) {
        if (ctx.attribute(COSTLY) != null) {
            ctx.attribute(COSTLY, null);
            costly.leave();
            Object extra = ctx.attribute(EXTRA_COST);
            if (extra instanceof Number n) {
                buckets.charge(client(ctx), n.longValue());
            }
        }
        if (ctx.attribute(IN_FLIGHT) != null) {
            ctx.attribute(IN_FLIGHT, null);
            all.leave();
        }
    }

    private static ProblemException overloaded(String why) {
        return new ProblemException(new Problem(503, "overloaded", "Overloaded", why + "; retry later"), 1);
    }

    /** The remote address: forwarded-for headers are the client's to write, so they are not trusted. */
    private static String client(Context ctx) {
        return ctx.req().getRemoteAddr();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
