package io.gridchain.node.api.console;

import io.gridchain.capacity.CapacityQueries;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.identity.IdentityQueries;
import io.gridchain.identity.auth.TokenClaims;
import io.gridchain.node.api.ApiServer;
import io.gridchain.node.api.Json;
import io.gridchain.node.api.JsonViews;
import io.gridchain.node.api.PayloadViews;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.oauth.AuthorizationServer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The console: HTML pages at {@code /} rendered on the server from the same views the API answers with,
 * its assets (from the jar: no CDN), and the head stream {@code GET /v1/events/blocks}.
 */
public final class ConsoleRoutes implements ApiServer.Routes {
    /** No inline script, nothing from elsewhere: every asset comes from this node. */
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final Ledger ledger;
    private final Mempool mempool;
    private final BlockFeed feed;
    private final Supplier<AuthorizationServer> auth;
    private final ChainPages chain;
    private final GridPages grid;
    private final Supplier<Map<String, Object>> nodeStatus;
    private final Map<String, byte[]> assets = new ConcurrentHashMap<>();
    private final String uplotDir;

    public ConsoleRoutes(Ledger ledger, Mempool mempool, BlockFeed feed, Supplier<AuthorizationServer> auth, Clock clock,
                         Supplier<Map<String, Object>> nodeStatus) {
        this.ledger = ledger;
        this.mempool = mempool;
        this.feed = feed;
        this.auth = auth;
        this.chain = new ChainPages(ledger, mempool, new JsonViews(PayloadViews.standard()), feed);
        this.grid = new GridPages(ledger, clock);
        this.nodeStatus = nodeStatus;
        this.uplotDir = "/META-INF/resources/webjars/uplot/" + webjarVersion("uplot") + "/dist/";
    }

    @Override
    public void accept(Javalin app) {
        app.get("/", ctx -> html(ctx, chain.dashboard()));
        app.get("/blocks", ctx -> html(ctx, chain.blocks(number(ctx.queryParam("before")))));
        app.get("/blocks/{id}", ctx -> page(ctx, chain.block(ctx.pathParam("id")), "block " + ctx.pathParam("id")));
        app.get("/txs/{hash}", ctx -> page(ctx, chain.transaction(ctx.pathParam("hash")), "transaction " + ctx.pathParam("hash")));
        app.get("/accounts/{address}", ctx -> page(ctx, chain.account(ctx.pathParam("address"),
                (int) Math.min(number(ctx.queryParam("page")).orElse(0L), 100_000)),
                "address " + ctx.pathParam("address")));
        app.get("/validators", ctx -> html(ctx, chain.validators(nodeSummary(nodeStatus.get()))));
        app.get("/identities/{name}", ctx -> page(ctx, grid.identity(ctx.pathParam("name")), "identity " + ctx.pathParam("name")));
        app.get("/orgs/{name}", ctx -> page(ctx, grid.organization(ctx.pathParam("name")), "organization " + ctx.pathParam("name")));
        app.get("/grid", ctx -> html(ctx, grid.grid(number(ctx.queryParam("farm")), new Resources(
                number(ctx.queryParam("free_cru")).orElse(0L), number(ctx.queryParam("free_mru")).orElse(0L),
                number(ctx.queryParam("free_sru")).orElse(0L), number(ctx.queryParam("free_hru")).orElse(0L)))));
        app.get("/farms/{id}", ctx -> page(ctx, grid.farm(ctx.pathParam("id")), "farm " + ctx.pathParam("id")));
        app.get("/nodes/{id}", ctx -> page(ctx, grid.node(ctx.pathParam("id")), "grid node " + ctx.pathParam("id")));
        app.get("/leases/{id}", ctx -> page(ctx, grid.lease(ctx.pathParam("id")), "lease " + ctx.pathParam("id")));
        app.get("/search", this::search);
        app.get("/mine", ctx -> html(ctx, Page.render(ledger.chainId(), "Mine", MINE_SHELL)));
        app.get("/mine/view", this::mineView);
        app.get("/assets/uplot/{file}", ctx -> asset(ctx, uplotDir + ctx.pathParam("file")));
        app.get("/assets/{file}", ctx -> asset(ctx, "/console/" + ctx.pathParam("file")));
        new BlockEvents(feed).register(app);
    }

    private static final String MINE_SHELL = "<h1>Mine</h1><p id=\"mine-intro\">Sign in with your wallet (a browser "
            + "extension that offers <code>window.ethereum</code>) to see the identities your address owns and the leases "
            + "they hold. The node's own sign-in is used: it sends a Sign-In with Ethereum message, your wallet signs it, "
            + "and the node answers with a token that stays in this tab.</p>"
            + "<p><button type=\"button\" id=\"sign-in\">Sign in with a wallet</button></p>"
            + "<p id=\"sign-in-status\" role=\"status\" aria-live=\"polite\"></p><div id=\"mine\"></div>";

    private static Optional<Long> number(String text) {
        return text != null && text.matches("[0-9]{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    private static void html(Context ctx, String body) {
        ctx.header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                .contentType("text/html; charset=utf-8").result(body);
    }

    private void page(Context ctx, Optional<String> body, String what) {
        if (body.isPresent()) {
            html(ctx, body.get());
            return;
        }
        ApiServer.keepOwnAnswer(ctx);
        ctx.status(404);
        html(ctx, Page.render(ledger.chainId(), "Not found", "<h1>Not found</h1><p class=\"unknown\" id=\"unknown\">This chain has no "
                + Html.esc(what) + ".</p><p>Try the search box, or go back to the " + Html.link("/", "dashboard") + ".</p>"));
    }

    private void search(Context ctx) {
        Search.Result r = Search.find(ctx.queryParam("q"), lookup());
        if (r instanceof Search.Result.One one) {
            ctx.redirect(one.hit().href());
            return;
        }
        Html h = new Html().h(1, "Search");
        if (r instanceof Search.Result.Several several) {
            StringBuilder b = new StringBuilder("<p>This matches more than one thing:</p><ul id=\"hits\">");
            several.hits().forEach(hit -> b.append("<li>").append(Html.link(hit.href(), hit.label())).append("</li>"));
            h.raw(b.append("</ul>").toString());
            html(ctx, Page.render(ledger.chainId(), "Search", h.toString()));
            return;
        }
        Search.Result.Unknown unknown = (Search.Result.Unknown) r;
        h.raw("<p class=\"unknown\" id=\"unknown\">Unknown: <strong>" + Html.esc(unknown.query()) + "</strong> — "
                + Html.esc(unknown.reason()) + ".</p>");
        ApiServer.keepOwnAnswer(ctx);
        ctx.status(unknown.query().isEmpty() ? 400 : 404);
        html(ctx, Page.render(ledger.chainId(), "Unknown", h.toString()));
    }

    private Search.Lookup lookup() {
        var state = ledger.state();
        IdentityQueries iq = new IdentityQueries(state);
        CapacityQueries cq = new CapacityQueries(state);
        return new Search.Lookup() {
            @Override
            public long head() {
                return ledger.head().height();
            }

            @Override
            public boolean blockHash(String hash) {
                return ledger.store().heightOf(Hash32.parse(hash)).isPresent();
            }

            @Override
            public boolean transaction(String hash) {
                Hash32 h = Hash32.parse(hash);
                return ledger.store().transactionLocation(h).isPresent() || mempool.get(h).isPresent();
            }

            @Override
            public boolean gridNode(String address) {
                return cq.node(Address.require(address)).isPresent();
            }

            @Override
            public boolean identity(String name) {
                return iq.identity(name).isPresent();
            }

            @Override
            public boolean organization(String name) {
                return iq.organization(name).isPresent();
            }

            @Override
            public Optional<Long> farmByName(String name) {
                return cq.farmByName(name).map(io.gridchain.capacity.Farm::id);
            }

            @Override
            public boolean farm(long id) {
                return cq.farm(id).isPresent();
            }

            @Override
            public boolean lease(long id) {
                return cq.lease(id, grid.nowSec()).isPresent();
            }
        };
    }

    /** The "mine" fragment for the bearer of an active token of this node; the token never leaves the tab. */
    private void mineView(Context ctx) {
        String header = ctx.header("Authorization");
        Optional<TokenClaims> claims = header != null && header.startsWith("Bearer ")
                ? auth.get().introspection().activeClaims(header.substring(7).strip()) : Optional.empty();
        ctx.header("Cache-Control", "no-store");
        if (claims.isEmpty()) {
            ApiServer.keepOwnAnswer(ctx);
            ctx.status(401).contentType("text/html; charset=utf-8")
                    .result("<p id=\"signed-in\">The sign-in has expired or was revoked: sign in again.</p>");
            return;
        }
        ctx.contentType("text/html; charset=utf-8").result(grid.mine(claims.get().address(), claims.get().subject()));
    }

    private void asset(Context ctx, String resource) {
        if (resource.contains("..")) {
            page(ctx, Optional.empty(), "asset");
            return;
        }
        byte[] bytes = assets.computeIfAbsent(resource, ConsoleRoutes::read);
        if (bytes.length == 0) {
            page(ctx, Optional.empty(), "asset " + resource);
            return;
        }
        String type = resource.endsWith(".css") ? "text/css; charset=utf-8"
                : resource.endsWith(".js") ? "text/javascript; charset=utf-8" : "application/octet-stream";
        ctx.header("Cache-Control", "public, max-age=3600").header("X-Content-Type-Options", "nosniff")
                .contentType(type).result(bytes);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream(resource)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of a WebJar as pinned in the build (console/webjars.properties is filled in by Maven). */
    private static String webjarVersion(String artifact) {
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/console/webjars.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String version = p.getProperty(artifact);
            if (version == null || version.startsWith("$")) {
                throw new IllegalStateException("the console's WebJar version of " + artifact + " is missing from the build");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The serving node's peers and consensus position: the fields a networked node adds to {@code /v1/status}. */
    static String nodeSummary(Map<String, Object> status) {
        return status.isEmpty() ? "<p id=\"node-status\">A single-validator dev node: it makes every block itself, with no peers.</p>"
                : "<div id=\"node-status\">" + Html.dl(status) + "</div>";
    }

    static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
