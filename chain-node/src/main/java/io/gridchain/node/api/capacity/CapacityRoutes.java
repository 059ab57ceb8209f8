package io.gridchain.node.api.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.capacity.CapacityQueries;
import io.gridchain.capacity.CapacityStore;
import io.gridchain.capacity.LeaseQuote;
import io.gridchain.capacity.LeaseState;
import io.gridchain.capacity.LeaseVerification;
import io.gridchain.capacity.LeaseView;
import io.gridchain.capacity.Lease;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.Address;
import io.gridchain.identity.auth.TokenClaims;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.Json;
import io.gridchain.node.api.Params;
import io.gridchain.node.api.Problem;
import io.gridchain.node.api.ProblemException;
import io.gridchain.node.api.StateProofs;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.oauth.AuthorizationServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Farms, grid nodes and leases. Lease answers are settled lazily as of now (never before the head's
 * block time), so a lease whose escrow ran out shows as in grace before a block writes it.
 */
public final class CapacityRoutes implements ApiServer.Routes {
    private final Ledger ledger;
    private final StateProofs proofs;
    private final Supplier<AuthorizationServer> auth;
    private final Clock clock;

    public CapacityRoutes(Ledger ledger, StateProofs proofs, Supplier<AuthorizationServer> auth, Clock clock) {
        this.ledger = ledger;
        this.proofs = proofs;
        this.auth = auth;
        this.clock = clock;
    }

    @Override
    public void accept(Javalin app) {
        app.get("/v1/farms/{id}", this::farm);
        app.get("/v1/nodes", this::searchNodes);
        app.get("/v1/nodes/{id}", this::node);
        app.get("/v1/nodes/{id}/quote", this::quote);
        app.get("/v1/leases", this::leases);
        app.post("/v1/leases/verify", this::verify);
        app.get("/v1/leases/{id}", this::lease);
        app.get("/v1/proofs/leases/{id}", this::proof);
    }

    private long nowSec() {
        return Math.max(clock.millis(), ledger.head().timestampMillis()) / 1000;
    }

    private void farm(Context ctx) {
        String id = ctx.pathParam("id");
        CapacityQueries q = new CapacityQueries(ledger.state());
        long height = ledger.head().height();
        Optional<io.gridchain.capacity.Farm> farm = id.chars().allMatch(Character::isDigit) && !id.isEmpty()
                ? q.farm(Params.nonNegative(id, "farm id", 0)) : q.farmByName(id);
        Map<String, Object> m = CapacityViews.farm(farm.orElseThrow(() -> new ProblemException(
                new Problem(404, "unknown-farm", "Not found", "no farm with id or name '" + id + "'"))));
        m.put("height", height);
        ctx.json(m);
    }

    private CapacityQueries.NodeView requireNode(CapacityQueries q, Address id) {
        return q.node(id).orElseThrow(() -> new ProblemException(new Problem(404, "unknown-node", "Not found",
                "no grid node " + id)));
    }

    private void node(Context ctx) {
        Address id = Params.address(ctx.pathParam("id"));
        long height = ledger.head().height();
        Map<String, Object> m = CapacityViews.node(requireNode(new CapacityQueries(ledger.state()), id));
        m.put("height", height);
        ctx.json(m);
    }

    /** Active nodes of a farm with at least the free capacity asked for. */
    private void searchNodes(Context ctx) {
        String farm = ctx.queryParam("farm");
        if (farm == null) {
            throw new ProblemException(Problem.badRequest("invalid-parameter", "the query parameter farm is required"));
        }
        Resources minFree = new Resources(Params.nonNegative(ctx.queryParam("free_cru"), "free_cru", 0),
                Params.nonNegative(ctx.queryParam("free_mru"), "free_mru", 0),
                Params.nonNegative(ctx.queryParam("free_sru"), "free_sru", 0),
                Params.nonNegative(ctx.queryParam("free_hru"), "free_hru", 0));
        long height = ledger.head().height();
        long farmId = Params.nonNegative(farm, "farm", 0);
        CapacityQueries queries = new CapacityQueries(ledger.state());
        if (queries.farm(farmId).isEmpty()) { // an empty list would read as "this farm has no free node"
            throw new ProblemException(new Problem(404, "unknown-farm", "Not found", "no farm with id " + farmId));
        }
        CapacityQueries.Page<CapacityQueries.NodeView> page = queries.searchNodes(farmId, minFree, Params.nonNegative(ctx.queryParam("from"), "from", 0),
                (int) Math.min(Params.nonNegative(ctx.queryParam("limit"), "limit", 20), CapacityQueries.MAX_RESULTS));
        List<Object> nodes = new ArrayList<>();
        page.items().forEach(n -> nodes.add(CapacityViews.node(n)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodes", nodes);
        m.put("next", page.next() < 0 ? null : page.next());
        m.put("height", height);
        ctx.json(m);
    }

    /** What a lease of these resources on this node costs: the rate, the cost of {@code seconds}, the minimum escrow. */
    private void quote(Context ctx) {
        Address id = Params.address(ctx.pathParam("id"));
        Resources r = resourcesFromQuery(ctx);
        long seconds = Params.nonNegative(ctx.queryParam("seconds"), "seconds", 3600);
        CapacityQueries q = new CapacityQueries(ledger.state());
        requireNode(q, id);
        LeaseQuote quote;
        try {
            quote = q.quote(id, r, seconds).orElseThrow(() -> new ProblemException(
                    new Problem(503, "capacity-params-missing", "Not available", "the chain has no capacity parameters")));
        } catch (ArithmeticException e) { // the node's prices times these resources (costs saturate instead)
            throw new ProblemException(Problem.badRequest("quote-overflow",
                    "the hourly rate of these resources at this node's prices does not fit in 64 bits; ask for less"));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", id.toString());
        m.put("resources", CapacityViews.resources(r));
        m.put("ratePerHour", Long.toString(quote.ratePerHour()));
        m.put("seconds", quote.seconds());
        m.put("cost", Long.toString(quote.cost()));
        m.put("minPrepaidSeconds", quote.minPrepaidSeconds());
        m.put("minEscrow", Long.toString(quote.minEscrow()));
        ctx.json(m);
    }

    private static Resources resourcesFromQuery(Context ctx) {
        return new Resources(Params.nonNegative(ctx.queryParam("cru"), "cru", 0),
                Params.nonNegative(ctx.queryParam("mru"), "mru", 0), Params.nonNegative(ctx.queryParam("sru"), "sru", 0),
                Params.nonNegative(ctx.queryParam("hru"), "hru", 0));
    }

    private void lease(Context ctx) {
        long id = Params.nonNegative(ctx.pathParam("id"), "lease id", 0);
        long height = ledger.head().height();
        LeaseView v = new CapacityQueries(ledger.state()).lease(id, nowSec()).orElseThrow(() -> new ProblemException(
                new Problem(404, "unknown-lease", "Not found", "no lease " + id)));
        Map<String, Object> m = CapacityViews.lease(v);
        m.put("height", height);
        ctx.json(m);
    }

    private void leases(Context ctx) {
        String tenant = ctx.queryParam("tenant");
        String node = ctx.queryParam("node");
        if ((tenant == null) == (node == null)) {
            throw new ProblemException(Problem.badRequest("invalid-parameter", "give exactly one of tenant or node"));
        }
        Optional<LeaseState> state = Optional.ofNullable(ctx.queryParam("state")).map(CapacityRoutes::leaseState);
        long from = Params.nonNegative(ctx.queryParam("from"), "from", 0);
        int limit = (int) Math.min(Params.nonNegative(ctx.queryParam("limit"), "limit", 20), CapacityQueries.MAX_RESULTS);
        long height = ledger.head().height();
        CapacityQueries q = new CapacityQueries(ledger.state());
        CapacityQueries.Page<LeaseView> page = tenant != null
                ? q.leasesByTenant(tenant, state, nowSec(), from, limit)
                : q.leasesByNode(Params.address(node), state, nowSec(), from, limit);
        List<Object> leases = new ArrayList<>();
        page.items().forEach(v -> leases.add(CapacityViews.lease(v)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leases", leases);
        m.put("next", page.next() < 0 ? null : page.next());
        m.put("height", height);
        ctx.json(m);
    }

    private static LeaseState leaseState(String text) {
        for (LeaseState s : LeaseState.values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new ProblemException(Problem.badRequest("invalid-parameter", "state must be active, grace or ended"));
    }

    /**
     * {@code {node, tenant, resources}} → {@code {valid, leaseId, state, until, reason}}. {@code tenant} is an
     * identity name, or an access token of this node (then the tenant is its subject; {@code audience}, if
     * given, must be the token's).
     */
    private void verify(Context ctx) {
        JsonNode body = Json.readObject(ctx);
        Address node = Params.address(Json.requireText(body, "node"));
        String tenantField = Json.requireText(body, "tenant");
        Resources resources = resourcesFromBody(body);
        String tenant = tenantField;
        String tenantFrom = "name";
        if (tenantField.indexOf('.') >= 0) {
            Optional<TokenClaims> claims = auth.get().introspection().activeClaims(tenantField);
            Optional<String> audience = body.hasNonNull("audience") ? Optional.of(body.get("audience").asText()) : Optional.empty();
            if (claims.isEmpty() || audience.filter(a -> !a.equals(claims.get().audience())).isPresent()) {
                throw new ProblemException(new Problem(401, "invalid-token", "Unauthorized",
                        "tenant is neither an identity name nor an active access token of this node"
                                + (audience.isPresent() ? " for audience " + audience.get() : "")));
            }
            tenant = claims.get().subject();
            tenantFrom = "token";
        }
        long height = ledger.head().height();
        LeaseVerification v = new CapacityQueries(ledger.state()).verifyLease(node, tenant, resources, nowSec());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("valid", v.valid());
        m.put("leaseId", v.leaseId().orElse(null));
        m.put("state", v.state().map(LeaseState::label).orElse(null));
        m.put("until", v.leaseId().isPresent() ? CapacityViews.time(v.until()) : null);
        m.put("reason", v.reason());
        m.put("tenant", tenant);
        m.put("tenantFrom", tenantFrom);
        m.put("height", height);
        ctx.json(m);
    }

    private static Resources resourcesFromBody(JsonNode body) {
        JsonNode r = body.get("resources");
        if (r == null || !r.isObject()) {
            throw new ProblemException(Problem.badRequest("malformed-request",
                    "field 'resources' ({\"cru\":…, \"mru\":…, \"sru\":…, \"hru\":…}) is required"));
        }
        long[] v = new long[4];
        String[] names = {"cru", "mru", "sru", "hru"};
        for (int i = 0; i < 4; i++) {
            JsonNode n = r.get(names[i]);
            if (n == null) {
                continue;
            }
            if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < 0) {
                throw new ProblemException(Problem.badRequest("invalid-resources",
                        "resources." + names[i] + " must be a non-negative integer"));
            }
            v[i] = n.longValue();
        }
        Resources out = new Resources(v[0], v[1], v[2], v[3]);
        if (out.isZero()) {
            throw new ProblemException(Problem.badRequest("zero-resources", "at least one resource must be above zero"));
        }
        return out;
    }

    /** The stored lease record with its Merkle proof, the header and its commit certificate. */
    private void proof(Context ctx) {
        long id = Params.nonNegative(ctx.pathParam("id"), "lease id", 0);
        StateProofs.Proven p = proofs.read(CapacityQueries.leaseKey(id));
        if (p.value().isEmpty()) {
            throw new ProblemException(new Problem(404, "unknown-lease", "Not found", "no lease " + id
                    + " at height " + p.header().height()));
        }
        Lease stored = CapacityStore.LEASES.decodeValue(p.value().get());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leaseId", id);
        m.put("lease", CapacityViews.storedLease(stored));
        m.putAll(proofs.json(p));
        ctx.json(m);
    }
}
