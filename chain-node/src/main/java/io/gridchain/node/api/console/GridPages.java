package io.gridchain.node.api.console;

import io.gridchain.capacity.CapacityQueries;
import io.gridchain.capacity.Farm;
import io.gridchain.capacity.LeaseView;
import io.gridchain.capacity.Resources;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateReader;
import io.gridchain.identity.IdentityQueries;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.Organization;
import io.gridchain.node.api.capacity.CapacityViews;
import io.gridchain.node.api.identity.IdentityViews;
import io.gridchain.node.chain.Ledger;
import io.gridchain.wallet.Grid;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Identities, organizations, farms, grid nodes, leases and "mine"; values through the API's own views. */
final class GridPages {
    /** Farm ids are handed out from 1 in order; the grid page lists at most this many. */
    static final int MAX_FARMS = 100;
    private static final int MAX_ORG_DEPTH = 6;

    private final Ledger ledger;
    private final Clock clock;

    GridPages(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Leases are settled lazily as of now, as the API does, never before the head's block time. */
    long nowSec() {
        return Math.max(clock.millis(), ledger.head().timestampMillis()) / 1000;
    }

    Optional<String> identity(String name) {
        StateReader state = ledger.state();
        IdentityQueries q = new IdentityQueries(state);
        Optional<Identity> found = q.identity(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = IdentityViews.identity(found.get());
        Html h = new Html().h(1, "Identity " + name);
        h.raw("<dl class=\"kv\" id=\"identity\"><dt>Owner</dt><dd>" + Html.value(m.get("owner")) + "</dd><dt>Status</dt><dd id=\"status\">"
                + Html.esc(m.get("status")) + "</dd><dt>Registered at</dt><dd>" + Html.link("/blocks/" + m.get("registeredHeight"),
                m.get("registeredHeight")) + "</dd><dt>DID document</dt><dd>" + Html.link("/v1/identities/" + Html.seg(name)
                + "/did.json", "did.json") + "</dd></dl>");
        List<List<String>> keys = new ArrayList<>();
        for (Object o : (List<?>) m.get("keys")) {
            Map<?, ?> k = (Map<?, ?>) o;
            Object revoked = k.get("revokedHeight");
            keys.add(List.of(Html.value(k.get("address")), Html.esc(k.get("purpose")),
                    Html.link("/blocks/" + k.get("addedHeight"), k.get("addedHeight")),
                    revoked == null ? "active" : "revoked at " + Html.link("/blocks/" + revoked, revoked)));
        }
        h.section("Keys", Html.table("Keys, with the heights they were added and revoked",
                List.of("Key", "Purpose", "Added", "Revoked"), keys));
        h.section("Metadata", Html.dl((Map<?, ?>) m.get("metadata")));
        h.section("Owners and statuses", "<h3>Owners</h3>" + Html.value(m.get("owners")) + "<h3>Statuses</h3>"
                + Html.value(m.get("statuses")) + "<h3>Pending rotation</h3>" + Html.value(m.get("pendingRotation")));
        List<List<String>> history = new ArrayList<>();
        for (Object o : IdentityViews.history(q.history(name))) {
            Map<?, ?> e = (Map<?, ?>) o;
            history.add(List.of(Html.link("/blocks/" + e.get("height"), e.get("height")), Html.esc(e.get("kind")),
                    Html.esc(e.get("detail"))));
        }
        h.section("History", Html.table("History, oldest first", List.of("Height", "Change", "Detail"), history));
        h.section("Leases as tenant", leaseTable(new CapacityQueries(state).leasesByTenant(name, Optional.empty(), nowSec(), 0,
                CapacityQueries.MAX_RESULTS).items()));
        return Optional.of(Page.render(ledger.chainId(), "Identity " + name, h.toString()));
    }

    Optional<String> organization(String name) {
        IdentityQueries q = new IdentityQueries(ledger.state());
        Optional<Organization> found = q.organization(name);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = IdentityViews.organization(found.get());
        Html h = new Html().h(1, "Organization " + name);
        Object parent = m.get("parent");
        h.raw("<dl class=\"kv\" id=\"organization\"><dt>Parent</dt><dd>" + (parent == null ? "none" : Html.link("/orgs/"
                + Html.seg(parent), parent)) + "</dd><dt>Created at</dt><dd>" + Html.link("/blocks/" + m.get("createdHeight"),
                m.get("createdHeight")) + "</dd><dt>Owners</dt><dd>" + identityLinks((List<?>) m.get("owners")) + "</dd></dl>");
        h.section("Members and sub-organizations", "<div class=\"tree\" id=\"members\">"
                + tree(q, found.get(), new HashSet<>(), 0) + "</div>");
        return Optional.of(Page.render(ledger.chainId(), "Organization " + name, h.toString()));
    }

    private static String identityLinks(List<?> names) {
        List<String> links = new ArrayList<>();
        names.forEach(n -> links.add(Html.link("/identities/" + Html.seg(n), n)));
        return links.isEmpty() ? "none" : String.join(", ", links);
    }

    private static String tree(IdentityQueries q, Organization org, Set<String> seen, int depth) {
        StringBuilder b = new StringBuilder("<ul>");
        seen.add(org.name());
        for (Object o : (List<?>) IdentityViews.organization(org).get("members")) {
            Map<?, ?> r = (Map<?, ?>) o;
            String name = String.valueOf(r.get("name"));
            if ("identity".equals(r.get("type"))) {
                b.append("<li>").append(Html.link("/identities/" + Html.seg(name), name)).append(" (identity)</li>");
            } else {
                b.append("<li>").append(Html.link("/orgs/" + Html.seg(name), name)).append(" (organization)");
                Optional<Organization> sub = q.organization(name);
                if (sub.isPresent() && !seen.contains(name) && depth < MAX_ORG_DEPTH) {
                    b.append(tree(q, sub.get(), seen, depth + 1));
                }
                b.append("</li>");
            }
        }
        if (org.members().isEmpty()) {
            b.append("<li>no members</li>");
        }
        return b.append("</ul>").toString();
    }

    String grid(Optional<Long> farm, Resources minFree) {
        CapacityQueries q = new CapacityQueries(ledger.state());
        Html h = new Html().h(1, "Grid");
        List<List<String>> farms = new ArrayList<>();
        for (long id = 1; id <= MAX_FARMS; id++) {
            Optional<Farm> f = q.farm(id);
            if (f.isEmpty()) {
                break;
            }
            Map<String, Object> m = CapacityViews.farm(f.get());
            farms.add(List.of(Html.link("/farms/" + id, id), Html.link("/farms/" + id, m.get("name")),
                    Html.link("/identities/" + Html.seg(m.get("owner")), m.get("owner")), Html.value(m.get("payout")),
                    Integer.toString(q.searchNodes(id, new Resources(0, 0, 0, 0), 0, CapacityQueries.MAX_RESULTS).items().size())));
        }
        h.section("Farms", Html.table("Farms", List.of("Id", "Name", "Owner", "Payout", "Active nodes"), farms));
        StringBuilder form = new StringBuilder("<form class=\"node-search\" action=\"/grid\" method=\"get\">");
        form.append(field("farm", "Farm id", farm.map(String::valueOf).orElse("1")));
        form.append(field("free_cru", "Free cores", String.valueOf(minFree.cru())));
        form.append(field("free_mru", "Free memory GiB", String.valueOf(minFree.mru())));
        form.append(field("free_sru", "Free SSD GiB", String.valueOf(minFree.sru())));
        form.append(field("free_hru", "Free HDD GiB", String.valueOf(minFree.hru())));
        form.append("<button type=\"submit\">Find nodes</button></form>");
        String results = "";
        if (farm.isPresent()) {
            List<CapacityQueries.NodeView> nodes = q.searchNodes(farm.get(), minFree, 0, CapacityQueries.MAX_RESULTS).items();
            results = nodeTable("Active nodes of farm " + farm.get() + " with at least that much free", nodes);
        }
        h.section("Find capacity", form + results);
        return Page.render(ledger.chainId(), "Grid", h.toString());
    }

    private static String field(String name, String label, String value) {
        return "<label>" + Html.esc(label) + " <input name=\"" + name + "\" inputmode=\"numeric\" pattern=\"[0-9]*\" value=\""
                + Html.esc(value) + "\"></label>";
    }

    private static String nodeTable(String caption, List<CapacityQueries.NodeView> nodes) {
        List<List<String>> rows = new ArrayList<>();
        for (CapacityQueries.NodeView v : nodes) {
            Map<String, Object> m = CapacityViews.node(v);
            Map<?, ?> free = (Map<?, ?>) m.get("free");
            rows.add(List.of(Html.shortLink("/nodes/" + m.get("id"), String.valueOf(m.get("id"))), Html.esc(m.get("status")),
                    Html.esc(m.get("location")), "cru " + free.get("cru") + ", mru " + free.get("mru") + ", sru " + free.get("sru")
                            + ", hru " + free.get("hru"), String.valueOf(m.get("openLeases"))));
        }
        return Html.table(caption, List.of("Node", "Status", "Location", "Free", "Open leases"), rows);
    }

    Optional<String> farm(String id) {
        CapacityQueries q = new CapacityQueries(ledger.state());
        Optional<Farm> found = id.matches("[0-9]{1,18}") ? q.farm(Long.parseLong(id)) : q.farmByName(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = CapacityViews.farm(found.get());
        Html h = new Html().h(1, "Farm " + m.get("name"));
        h.raw("<dl class=\"kv\" id=\"farm\"><dt>Id</dt><dd>" + m.get("id") + "</dd><dt>Name</dt><dd>" + Html.esc(m.get("name"))
                + "</dd><dt>Owner</dt><dd>" + Html.link("/identities/" + Html.seg(m.get("owner")), m.get("owner"))
                + "</dd><dt>Payout</dt><dd>" + Html.value(m.get("payout")) + "</dd></dl>");
        h.section("Active nodes", nodeTable("Active grid nodes of this farm",
                q.searchNodes(found.get().id(), new Resources(0, 0, 0, 0), 0, CapacityQueries.MAX_RESULTS).items()));
        return Optional.of(Page.render(ledger.chainId(), "Farm " + m.get("name"), h.toString()));
    }

    Optional<String> node(String id) {
        if (!(Address.parse(id) instanceof Address.Parsed.Valid valid)) {
            return Optional.empty();
        }
        CapacityQueries q = new CapacityQueries(ledger.state());
        Optional<CapacityQueries.NodeView> found = q.node(valid.address());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = CapacityViews.node(found.get());
        Html h = new Html().h(1, "Grid node");
        h.raw("<p class=\"mono wrap\">" + Html.esc(m.get("id")) + "</p>");
        h.raw("<dl class=\"kv\" id=\"node\"><dt>Farm</dt><dd>" + Html.link("/farms/" + m.get("farm"), m.get("farm"))
                + "</dd><dt>Status</dt><dd id=\"node-status\">" + Html.esc(m.get("status")) + "</dd><dt>Location</dt><dd>"
                + Html.esc(m.get("location")) + "</dd><dt>Registered</dt><dd>" + Html.esc(m.get("registeredAt"))
                + "</dd><dt>Last heartbeat</dt><dd>" + Html.value(m.get("lastHeartbeat")) + "</dd><dt>Open leases</dt><dd>"
                + m.get("openLeases") + "</dd><dt>Account</dt><dd>" + Html.account(String.valueOf(m.get("id"))) + "</dd></dl>");
        Map<?, ?> cap = (Map<?, ?>) m.get("capacity");
        Map<?, ?> res = (Map<?, ?>) m.get("reserved");
        Map<?, ?> prices = (Map<?, ?>) m.get("pricesPerHour");
        StringBuilder bars = new StringBuilder("<div id=\"capacity\">");
        List<List<String>> priceRows = new ArrayList<>();
        for (String[] unit : new String[][] {{"cru", "Cores (cru)"}, {"mru", "Memory GiB (mru)"}, {"sru", "SSD GiB (sru)"},
                {"hru", "HDD GiB (hru)"}}) {
            bars.append(Html.bar(unit[1], ((Number) res.get(unit[0])).longValue(), ((Number) cap.get(unit[0])).longValue()));
            priceRows.add(List.of(Html.esc(unit[1]), Html.esc(Grid.format(Long.parseLong(String.valueOf(prices.get(unit[0])))))));
        }
        h.section("Capacity", bars.append("</div>").toString());
        h.section("Prices", Html.table("Price per unit-hour", List.of("Unit", "Per hour"), priceRows));
        h.section("Leases", leaseTable(q.leasesByNode(valid.address(), Optional.empty(), nowSec(), 0, CapacityQueries.MAX_RESULTS).items()));
        return Optional.of(Page.render(ledger.chainId(), "Grid node", h.toString()));
    }

    static String leaseTable(List<LeaseView> leases) {
        List<List<String>> rows = new ArrayList<>();
        for (LeaseView v : leases) {
            Map<String, Object> m = CapacityViews.lease(v);
            rows.add(List.of(Html.link("/leases/" + m.get("id"), m.get("id")), Html.esc(m.get("state")),
                    Html.link("/identities/" + Html.seg(m.get("tenant")), m.get("tenant")),
                    Html.shortLink("/nodes/" + m.get("node"), String.valueOf(m.get("node"))),
                    Html.esc(Grid.format(Long.parseLong((String) m.get("ratePerHour")))) + "/h",
                    Html.esc(Grid.format(Long.parseLong((String) m.get("escrowLeft"))))));
        }
        return Html.table("Leases", List.of("Lease", "State", "Tenant", "Node", "Rate", "Escrow left"), rows);
    }

    Optional<String> lease(String id) {
        if (!id.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        Optional<LeaseView> found = new CapacityQueries(ledger.state()).lease(Long.parseLong(id), nowSec());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> m = CapacityViews.lease(found.get());
        Html h = new Html().h(1, "Lease " + id);
        h.raw("<dl class=\"tiles\" id=\"lease-summary\"><div><dt>State</dt><dd id=\"lease-state\">" + Html.esc(m.get("state"))
                + "</dd></div><div><dt>Escrow left</dt><dd id=\"escrow-left\" data-units=\"" + m.get("escrowLeft") + "\">"
                + Html.esc(Grid.format(Long.parseLong((String) m.get("escrowLeft")))) + "</dd></div><div><dt>Rate</dt><dd>"
                + Html.esc(Grid.format(Long.parseLong((String) m.get("ratePerHour")))) + " per hour</dd></div><div><dt>Paid until</dt><dd>"
                + Html.value(m.get("paidUntil")) + "</dd></div></dl>");
        Map<?, ?> r = (Map<?, ?>) m.get("resources");
        h.raw("<dl class=\"kv\" id=\"lease\"><dt>Tenant</dt><dd>" + Html.link("/identities/" + Html.seg(m.get("tenant")), m.get("tenant"))
                + "</dd><dt>Node</dt><dd>" + Html.shortLink("/nodes/" + m.get("node"), String.valueOf(m.get("node")))
                + "</dd><dt>Farm</dt><dd>" + Html.link("/farms/" + m.get("farm"), m.get("farm")) + "</dd><dt>Resources</dt><dd>cru "
                + r.get("cru") + ", mru " + r.get("mru") + ", sru " + r.get("sru") + ", hru " + r.get("hru") + "</dd></dl>");
        Map<String, Object> money = new java.util.LinkedHashMap<>();
        for (String k : List.of("deposited", "used", "paid", "refunded", "escrowLeft")) {
            money.put(k, Grid.format(Long.parseLong((String) m.get(k))) + " (" + m.get(k) + " units)");
        }
        h.section("Escrow", Html.dl(money));
        Map<String, Object> times = new java.util.LinkedHashMap<>();
        for (String k : List.of("start", "end", "paidUntil", "graceEndsAt", "endedAt", "cause", "asOf")) {
            times.put(k, m.get(k));
        }
        h.section("Times", Html.dl(times));
        h.section("Escrow over time", EscrowChart.svg(found.get()));
        h.section("Transactions of this lease", leaseTransactions(found.get()));
        if (found.get().state() != io.gridchain.capacity.LeaseState.ENDED) {
            h.section("Change it", "<p>Top up: <code>gridchain lease top-up " + id + " --amount &lt;GRID&gt; --keystore &lt;tenant key&gt;</code>"
                    + "</p><p>Cancel (the unused escrow comes back): <code>gridchain lease cancel " + id
                    + " --keystore &lt;tenant key&gt;</code></p>");
        }
        return Optional.of(Page.render(ledger.chainId(), "Lease " + id, h.toString()));
    }

    /** How far back in the grid node's transactions (address index) a lease page looks for its own. */
    static final int LEASE_SCAN = 500;

    /**
     * The transactions that made and changed the lease: found among its grid node's transactions (every lease
     * event names the node) by the lease id their events carry. Settlements at the end of a block (grace,
     * out of funds) are block events, not transactions: the block pages show those.
     */
    private String leaseTransactions(LeaseView v) {
        String id = Long.toString(v.lease().id());
        List<List<String>> rows = new ArrayList<>();
        // Receipts only: they carry the hash and the events, and reading them recovers no sender's key.
        for (io.gridchain.node.storage.TxLocation at : ledger.store().transactionsOf(v.lease().node(), 0, LEASE_SCAN).items()) {
            for (io.gridchain.core.exec.Receipt r : ledger.store().receipts(at.height())) {
                if (r.index() != at.index()) {
                    continue;
                }
                for (io.gridchain.core.tx.Event e : r.events()) {
                    if (e.type().startsWith("lease.") && id.equals(e.attributes().get("lease"))) {
                        String hash = r.txHash().toHex();
                        rows.add(List.of(Html.shortLink("/txs/" + hash, hash), Html.link("/blocks/" + at.height(), at.height()),
                                Html.esc(e.type())));
                        break;
                    }
                }
            }
        }
        return Html.table("Transactions that made and changed this lease, newest first", List.of("Transaction", "Block", "Event"), rows);
    }

    /** The "mine" view of a signed-in address: the identities it owns and their leases as tenant. */
    String mine(String address, String signedInAs) {
        Address owner = Address.require(address);
        StateReader state = ledger.state();
        IdentityQueries iq = new IdentityQueries(state);
        CapacityQueries cq = new CapacityQueries(state);
        StringBuilder b = new StringBuilder("<p id=\"signed-in\">Signed in as <strong>" + Html.esc(signedInAs)
                + "</strong> with " + Html.account(owner.toString()) + ".</p>");
        List<String> names = iq.namesOwnedBy(owner);
        b.append("<h2>Identities this address owns</h2>");
        if (names.isEmpty()) {
            b.append("<p>none</p>");
        }
        for (String name : names) {
            b.append("<h3>").append(Html.link("/identities/" + Html.seg(name), name)).append("</h3>");
            List<LeaseView> leases = cq.leasesByTenant(name, Optional.empty(), nowSec(), 0, CapacityQueries.MAX_RESULTS).items();
            b.append(leaseTable(leases));
            for (LeaseView v : leases) {
                if (v.state() != io.gridchain.capacity.LeaseState.ENDED) {
                    long id = v.lease().id();
                    b.append("<p class=\"note\">Lease ").append(id).append(": used so far ").append(Html.esc(Grid.format(v.used())))
                            .append(", escrow left ").append(Html.esc(Grid.format(v.escrowLeft())))
                            .append(". Cancelling refunds about the escrow left and costs the transaction fee (")
                            .append(Html.esc(Grid.format(ledger.params().minFee()))).append(" at least): <code>gridchain lease cancel ")
                            .append(id).append("</code>; a top-up costs the amount added plus the fee: <code>gridchain lease top-up ")
                            .append(id).append(" --amount &lt;GRID&gt;</code></p>");
                }
            }
        }
        return b.toString();
    }
}
