package io.gridchain.node.api.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gridchain.core.account.Account;
import io.gridchain.core.block.Block;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.block.CommitCertificate;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.governance.Governance;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.governance.GovernanceState;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Transaction;
import io.gridchain.core.validator.Validator;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import io.gridchain.identity.IdentityQueries;
import io.gridchain.node.api.GovernanceViews;
import io.gridchain.node.api.Json;
import io.gridchain.node.api.JsonViews;
import io.gridchain.node.chain.Ledger;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.storage.ChainStore;
import io.gridchain.node.storage.TxLocation;
import io.gridchain.wallet.Grid;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dashboard, blocks, transactions, accounts and validators; values through the API's own views. */
final class ChainPages {
    static final int BLOCKS_PER_PAGE = 25;
    /** How far back the validators page counts signed and missed blocks. */
    static final int SIGNING_WINDOW = 100;
    static final int TXS_PER_PAGE = 25;

    private final Ledger ledger;
    private final Mempool mempool;
    private final JsonViews views;
    private final BlockFeed feed;

    ChainPages(Ledger ledger, Mempool mempool, JsonViews views, BlockFeed feed) {
        this.ledger = ledger;
        this.mempool = mempool;
        this.views = views;
        this.feed = feed;
    }

    static String ago(long millis, long now) {
        long s = Math.max(0, (now - millis) / 1000);
        if (s < 60) {
            return s + " s ago";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        return s / 3600 + " h ago";
    }

    String dashboard() {
        BlockHeader head = ledger.head();
        long now = System.currentTimeMillis();
        List<BlockFeed.BlockStat> stats = feed.last(BlockFeed.WINDOW);
        ValidatorSet validators = ledger.validators();
        List<BlockFeed.BlockStat> certified = certified(stats);
        Map<Address, Integer> signed = signedCounts(certified, SIGNING_WINDOW);
        int window = Math.min(SIGNING_WINDOW, certified.size());
        Html h = new Html();
        h.h(1, "Chain " + ledger.chainId());
        h.raw("<dl class=\"tiles\" id=\"head\">")
                .raw("<div><dt>Head height</dt><dd><a id=\"head-height\" href=\"/blocks/" + head.height() + "\">"
                        + head.height() + "</a></dd></div>")
                .raw("<div><dt>Head age</dt><dd id=\"head-age\" data-time=\"" + head.timestampMillis() + "\">"
                        + Html.esc(ago(head.timestampMillis(), now)) + "</dd></div>")
                .raw("<div><dt>Mempool</dt><dd id=\"mempool\">" + mempool.size() + "</dd></div>")
                .raw("<div><dt>Validators</dt><dd>" + validators.size() + "</dd></div>")
                .raw("</dl>");
        h.raw("<dl class=\"kv\"><dt>Chain id</dt><dd id=\"chain-id\">" + ledger.chainId() + "</dd><dt>Genesis hash</dt><dd class=\"mono wrap\" id=\"genesis-hash\">"
                + Html.esc(ledger.genesisHash().toHex()) + "</dd><dt>Head hash</dt><dd class=\"mono wrap\" id=\"head-hash\">"
                + Html.esc(head.hash().toHex()) + "</dd><dt>Head time</dt><dd id=\"head-time\">"
                + Html.esc(JsonViews.time(head.timestampMillis())) + "</dd></dl>");
        h.raw("<p class=\"live\" id=\"live\" aria-live=\"polite\">Live updates start when the page's script runs.</p>");
        h.raw("<section><h2>The last " + stats.size() + " blocks</h2><div class=\"charts\">");
        for (String[] chart : new String[][] {{"interval", "Block interval (s)"}, {"txs", "Transactions per block"},
                {"tps", "Transactions per second"}, {"rounds", "Rounds per height"}, {"mempool", "Mempool size at commit"}}) {
            h.raw("<figure class=\"chart\"><figcaption>" + chart[1] + "</figcaption><div class=\"plot\" data-series=\""
                    + chart[0] + "\" role=\"img\" aria-label=\"" + chart[1] + " over the last " + stats.size()
                    + " blocks\"></div></figure>");
        }
        h.raw("</div></section>");
        h.raw("<script type=\"application/json\" id=\"stats\">" + statsJson(stats) + "</script>");
        List<List<String>> rows = new ArrayList<>();
        for (Validator v : validators.validators()) {
            int s = signed.getOrDefault(v.address(), 0);
            rows.add(List.of(Html.account(v.address().toString()), Long.toString(v.power()),
                    percent(v.power(), validators.totalPower()), s + " of " + window));
        }
        h.section("Validators", Html.table("Validators and the blocks they signed recently",
                List.of("Address", "Power", "Share", "Signed (last " + window + ")"), rows)
                + "<p><a href=\"/validators\">Validators and governance</a></p>");
        h.section("Latest blocks", blockTable(Math.max(0, head.height() - 9), head.height()));
        return Page.render(ledger.chainId(), "Dashboard", h.toString(), "/assets/uplot/uPlot.min.css",
                "/assets/uplot/uPlot.iife.min.js", "/assets/dashboard.js");
    }

    static String percent(long part, long total) {
        return total == 0 ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / total);
    }

    /** The genesis block has no certificate: nobody signed it, and nobody missed it. */
    private static List<BlockFeed.BlockStat> certified(List<BlockFeed.BlockStat> stats) {
        return stats.stream().filter(s -> s.height() > 0).toList();
    }

    private static Map<Address, Integer> signedCounts(List<BlockFeed.BlockStat> stats, int window) {
        Map<Address, Integer> signed = new HashMap<>();
        for (int i = Math.max(0, stats.size() - window); i < stats.size(); i++) {
            for (Address a : stats.get(i).signers()) {
                signed.merge(a, 1, Integer::sum);
            }
        }
        return signed;
    }

    /** What the charts need of each block, without hashes and proposers (the head stream carries those). */
    static String statsJson(List<BlockFeed.BlockStat> stats) {
        List<Object> rows = new ArrayList<>();
        for (BlockFeed.BlockStat s : stats) {
            Map<String, Object> m = statMap(s);
            m.remove("hash");
            m.remove("proposer");
            rows.add(m);
        }
        try {
            // Numbers and hex only: "</" cannot occur, so the JSON cannot close the script element.
            return Json.MAPPER.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> statMap(BlockFeed.BlockStat s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("height", s.height());
        m.put("hash", s.hash());
        m.put("time", s.timeMillis());
        m.put("txs", s.txs());
        m.put("round", s.round());
        m.put("mempool", s.mempool() < 0 ? null : s.mempool());
        m.put("proposer", s.proposer().toString());
        return m;
    }

    private String blockTable(long from, long to) {
        List<List<String>> rows = new ArrayList<>();
        for (long height = to; height >= from; height--) {
            Optional<BlockFeed.BlockStat> s = feed.stat(height);
            if (s.isEmpty()) {
                continue;
            }
            BlockFeed.BlockStat b = s.get();
            rows.add(List.of(Html.link("/blocks/" + b.height(), b.height()), Html.esc(JsonViews.time(b.timeMillis())),
                    Html.account(b.proposer().toString()), Integer.toString(b.txs()), Integer.toString(b.round())));
        }
        return Html.table("Blocks " + from + " to " + to + ", newest first",
                List.of("Height", "Time", "Proposer", "Transactions", "Round"), rows);
    }

    String blocks(Optional<Long> before) {
        long head = ledger.head().height();
        long to = Math.min(head, before.map(b -> b - 1).orElse(head));
        long from = Math.max(0, to - BLOCKS_PER_PAGE + 1);
        Html h = new Html().h(1, "Blocks");
        h.raw(blockTable(from, to));
        h.raw("<nav class=\"pager\" aria-label=\"Pages of blocks\">");
        if (to < head) {
            h.raw(Html.link("/blocks", "Newest"));
        }
        if (from > 0) {
            h.raw(Html.link("/blocks?before=" + from, "Older blocks"));
        }
        h.raw("</nav>");
        return Page.render(ledger.chainId(), "Blocks", h.toString());
    }

    Optional<String> block(String id) {
        Optional<Long> height;
        if (id.matches("0x[0-9a-fA-F]{64}")) {
            height = ledger.store().heightOf(Hash32.parse(id));
        } else if (id.matches("[0-9]{1,18}")) {
            height = Optional.of(Long.parseLong(id));
        } else {
            return Optional.empty();
        }
        Optional<Block> found = height.flatMap(ledger.store()::block);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Block b = found.get();
        CommitCertificate cert = ledger.store().certificate(b.height()).orElse(null);
        Html h = new Html().h(1, "Block " + b.height());
        h.raw("<nav class=\"pager\" aria-label=\"Neighbouring blocks\">");
        if (b.height() > 0) {
            h.raw(Html.link("/blocks/" + (b.height() - 1), "Previous block"));
        }
        if (b.height() < ledger.head().height()) {
            h.raw(Html.link("/blocks/" + (b.height() + 1), "Next block"));
        }
        h.raw("</nav>");
        Map<String, Object> header = views.header(b.header());
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("hash", b.hash().toHex());
        shown.putAll(header);
        h.section("Header", "<div id=\"block-header\">" + Html.dl(shown) + "</div>");
        h.section("Transactions (" + b.transactions().size() + ")", txTable(b.transactions()));
        List<Event> events = ledger.store().blockEvents(b.height());
        h.section("End-of-block events", events(events));
        h.section("Commit certificate", certificate(cert));
        return Optional.of(Page.render(ledger.chainId(), "Block " + b.height(), h.toString()));
    }

    private static String txTable(List<Transaction> txs) {
        List<List<String>> rows = new ArrayList<>();
        for (Transaction tx : txs) {
            String hash = tx.hash().toHex();
            rows.add(List.of(Html.shortLink("/txs/" + hash, hash), Html.esc(tx.kind()),
                    Html.account(tx.sender().map(Object::toString).orElse(null)), Html.esc(Grid.format(tx.fee()))));
        }
        return Html.table("Transactions", List.of("Hash", "Kind", "Sender", "Fee"), rows);
    }

    static String events(List<Event> events) {
        if (events.isEmpty()) {
            return "<p>none</p>";
        }
        StringBuilder b = new StringBuilder("<ul class=\"events\">");
        for (Event e : events) {
            b.append("<li><strong>").append(Html.esc(e.type())).append("</strong>").append(Html.dl(e.attributes())).append("</li>");
        }
        return b.append("</ul>").toString();
    }

    /** Each signer with its power, and the share of the validators' power that signed. */
    private String certificate(CommitCertificate cert) {
        if (cert == null) {
            return "<p>This node holds no certificate for this block yet.</p>";
        }
        // Powers are today's: the node keeps only the latest state (a set changed since shows today's weights).
        ValidatorSet set = ledger.validators();
        long signedPower = 0;
        List<List<String>> rows = new ArrayList<>();
        for (CommitCertificate.CommitSignature s : cert.signatures()) {
            long power = set.powerOf(s.validator());
            signedPower += power;
            rows.add(List.of(Html.account(s.validator().toString()), Long.toString(power), percent(power, set.totalPower())));
        }
        return "<p id=\"signed-share\">Round " + cert.round() + ": " + cert.signatures().size() + (cert.signatures().size() == 1 ? " signer" : " signers") + " with "
                + signedPower + " of " + set.totalPower() + " power (" + percent(signedPower, set.totalPower()) + ") signed.</p>"
                + Html.table("Signers", List.of("Validator", "Power", "Share"), rows);
    }

    Optional<String> transaction(String hashText) {
        if (!hashText.matches("0x[0-9a-fA-F]{64}")) {
            return Optional.empty();
        }
        Hash32 hash = Hash32.parse(hashText);
        Optional<TxLocation> location = ledger.store().transactionLocation(hash);
        Map<String, Object> m;
        Html h = new Html();
        if (location.isPresent()) {
            Block block = ledger.store().block(location.get().height()).orElseThrow();
            Transaction tx = block.transactions().get(location.get().index());
            m = views.transaction(tx);
            h.h(1, "Transaction " + tx.kind());
            h.raw("<dl class=\"kv\" id=\"tx-summary\"><dt>Status</dt><dd>committed</dd><dt>Block</dt><dd>"
                    + Html.link("/blocks/" + location.get().height(), location.get().height()) + "</dd><dt>Index</dt><dd>"
                    + location.get().index() + "</dd><dt>Hash</dt><dd class=\"mono wrap\">" + Html.esc(m.get("hash"))
                    + "</dd><dt>Sender</dt><dd>" + Html.value(m.get("sender")) + "</dd><dt>Nonce</dt><dd>" + m.get("nonce")
                    + "</dd><dt>Fee</dt><dd>" + Html.esc(Grid.format(tx.fee())) + "</dd></dl>");
            h.section("Payload", Html.value(m.get("payload")));
            ledger.store().receipt(hash).ifPresent(r -> h.section("Receipt",
                    "<p>success, fee charged " + Html.esc(Grid.format(r.fee())) + "</p><h3>Events</h3>" + events(r.events())));
        } else {
            Optional<Transaction> pending = mempool.get(hash);
            if (pending.isEmpty()) {
                return Optional.empty();
            }
            m = views.transaction(pending.get());
            h.h(1, "Transaction " + pending.get().kind());
            h.raw("<dl class=\"kv\" id=\"tx-summary\"><dt>Status</dt><dd>pending</dd><dt>Hash</dt><dd class=\"mono wrap\">"
                    + Html.esc(m.get("hash")) + "</dd><dt>Sender</dt><dd>" + Html.value(m.get("sender")) + "</dd></dl>");
            h.section("Payload", Html.value(m.get("payload")));
        }
        return Optional.of(Page.render(ledger.chainId(), "Transaction", h.toString()));
    }

    Optional<String> account(String text, int page) {
        if (!(Address.parse(text) instanceof Address.Parsed.Valid valid)) {
            return Optional.empty();
        }
        Address address = valid.address();
        long head = ledger.head().height();
        StateReader state = ledger.state();
        Account account = Account.STATE.get(state, address).orElse(Account.EMPTY);
        Html h = new Html().h(1, "Account");
        h.raw("<p class=\"mono wrap\">" + Html.esc(address) + "</p>");
        h.raw("<dl class=\"tiles\" id=\"account\"><div><dt>Balance</dt><dd id=\"balance\" data-units=\"" + account.balance() + "\">"
                + Html.esc(Grid.format(account.balance())) + "</dd></div><div><dt>Nonce</dt><dd id=\"nonce\">" + account.nonce()
                + "</dd></div><div><dt>At height</dt><dd>" + head + "</dd></div></dl>");
        List<String> names = new IdentityQueries(state).namesOwnedBy(address);
        StringBuilder owned = new StringBuilder(names.isEmpty() ? "<p>none</p>" : "<ul>");
        names.forEach(n -> owned.append("<li>").append(Html.link("/identities/" + Html.seg(n), n)).append("</li>"));
        h.section("Identities owned", owned + (names.isEmpty() ? "" : "</ul>"));
        h.section("Transactions", accountTransactions(address, page));
        return Optional.of(Page.render(ledger.chainId(), "Account " + address, h.toString()));
    }

    /** The address's transactions from the store's address index, newest first, one page at a time. */
    private String accountTransactions(Address address, int page) {
        ChainStore.AddressPage found = ledger.store().transactionsOf(address, page * TXS_PER_PAGE, TXS_PER_PAGE);
        List<List<String>> rows = new ArrayList<>();
        for (TxLocation at : found.items()) {
            Optional<Block> block = ledger.store().block(at.height());
            if (block.isEmpty() || at.index() >= block.get().transactions().size()) {
                continue;
            }
            Transaction tx = block.get().transactions().get(at.index());
            String hash = tx.hash().toHex();
            boolean sent = tx.sender().map(address::equals).orElse(false);
            rows.add(List.of(Html.shortLink("/txs/" + hash, hash), Html.link("/blocks/" + at.height(), at.height()),
                    Html.esc(tx.kind()), sent ? "sender" : "named"));
        }
        StringBuilder b = new StringBuilder();
        if (found.indexedFrom() > 0) {
            b.append("<p class=\"note\" id=\"index-note\">This node's store predates the address index: transactions before height ")
                    .append(found.indexedFrom()).append(" are not listed. To list them on a node of a ")
                    .append("validator network, rebuild its store: stop it, move <code>&lt;data-dir&gt;/chain</code> away and start it ")
                    .append("again; it syncs the blocks from its peers and indexes them.</p>");
        }
        b.append(Html.table("Transactions of this account, newest first", List.of("Hash", "Block", "Kind", "Role"), rows));
        b.append("<nav class=\"pager\" aria-label=\"Pages of transactions\">");
        if (page > 0) {
            b.append(Html.link("/accounts/" + address + (page == 1 ? "" : "?page=" + (page - 1)), "Newer"));
        }
        if (found.more()) {
            b.append(Html.link("/accounts/" + address + "?page=" + (page + 1), "Older"));
        }
        return b.append("</nav>").toString();
    }

    String validators(String nodeSummary) {
        BlockHeader head = ledger.head();
        StateReader state = ledger.state();
        ValidatorSet set = ValidatorSetState.read(state);
        List<BlockFeed.BlockStat> stats = certified(feed.last(SIGNING_WINDOW));
        Map<Address, Integer> signed = signedCounts(stats, SIGNING_WINDOW);
        Map<Address, Long> lastProposed = new HashMap<>();
        stats.forEach(s -> lastProposed.put(s.proposer(), s.height()));
        Html h = new Html().h(1, "Validators and governance");
        List<List<String>> rows = new ArrayList<>();
        for (Validator v : set.validators()) {
            int s = signed.getOrDefault(v.address(), 0);
            rows.add(List.of(Html.account(v.address().toString()),
                    "<span class=\"mono wrap\">" + Html.esc(io.gridchain.core.bytes.Hex.encodePrefixed(v.publicKey())) + "</span>",
                    Long.toString(v.power()), percent(v.power(), set.totalPower()), Integer.toString(s),
                    Integer.toString(stats.size() - s),
                    Optional.ofNullable(lastProposed.get(v.address())).map(p -> Html.link("/blocks/" + p, p)).orElse("—")));
        }
        h.section("Validators", "<p>Total power " + set.totalPower() + ", quorum " + (set.totalPower() * 2 / 3 + 1) + ".</p>"
                + Html.table("Validators, signed and missed in the last " + stats.size() + " blocks",
                        List.of("Address", "Public key", "Power", "Share", "Signed", "Missed", "Last proposed"), rows));
        List<List<String>> pending = new ArrayList<>();
        for (long at = head.height() + 1; at <= head.height() + Governance.DELAY; at++) {
            for (GovernanceAction action : GovernanceState.pendingAt(state, at)) {
                pending.add(List.of(Long.toString(at), Html.value(GovernanceViews.action(action))));
            }
        }
        h.section("Pending governance changes", Html.table("Changes and the height each takes effect",
                List.of("Effective height", "Change"), pending));
        h.section("Recorded evidence", evidence(set));
        h.section("Parameters", Html.dl(GovernanceViews.params(ChainParams.read(state))));
        h.section("This node", nodeSummary);
        return Page.render(ledger.chainId(), "Validators", h.toString());
    }

    /** How far back in each validator's transactions (address index) the evidence against it is looked for. */
    static final int EVIDENCE_SCAN = 200;

    /** Evidence recorded against each validator: found in its address index by the events that name it. */
    private String evidence(ValidatorSet set) {
        List<List<String>> rows = new ArrayList<>();
        for (Validator v : set.validators()) {
            for (TxLocation at : ledger.store().transactionsOf(v.address(), 0, EVIDENCE_SCAN).items()) {
                for (io.gridchain.core.exec.Receipt r : ledger.store().receipts(at.height())) {
                    if (r.index() != at.index()) {
                        continue;
                    }
                    for (Event e : r.events()) {
                        if (e.type().equals("evidence.recorded") && v.address().toString().equals(e.attributes().get("validator"))) {
                            String hash = r.txHash().toHex();
                            rows.add(List.of(Html.account(v.address().toString()), Html.link("/blocks/" + at.height(), at.height()),
                                    Html.shortLink("/txs/" + hash, hash), Html.dl(e.attributes())));
                        }
                    }
                }
            }
        }
        return Html.table("Evidence of double signing recorded on chain, newest first per validator",
                List.of("Validator", "Block", "Transaction", "Details"), rows);
    }
}
