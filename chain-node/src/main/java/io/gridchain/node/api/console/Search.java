package io.gridchain.node.api.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a search box query leads: pure, given what the chain holds ({@link Lookup}). A query that names one
 * thing goes to its page; a number that is a height and also a lease or farm id offers each; anything
 * else is unknown, with the kinds that were tried.
 */
final class Search {
    private Search() {}

    interface Lookup {
        long head();

        boolean blockHash(String hash);

        boolean transaction(String hash);

        boolean gridNode(String address);

        boolean identity(String name);

        boolean organization(String name);

        Optional<Long> farmByName(String name);

        boolean farm(long id);

        boolean lease(long id);
    }

    record Hit(String kind, String label, String href) {}

    sealed interface Result {
        record One(Hit hit) implements Result {}

        record Several(List<Hit> hits) implements Result {}

        record Unknown(String query, String reason) implements Result {}
    }

    static Result find(String raw, Lookup chain) {
        String q = raw == null ? "" : raw.strip();
        if (q.isEmpty()) {
            return new Result.Unknown(q, "type a height, a block or transaction hash, an address, an identity, "
                    + "organization or farm name, a grid node id or a lease id");
        }
        List<Hit> hits = new ArrayList<>();
        java.util.regex.Matcher kind = KIND_AND_NUMBER.matcher(q);
        if (kind.matches()) {
            return byKind(q, kind.group(1).toLowerCase(java.util.Locale.ROOT), Long.parseLong(kind.group(2)), chain);
        }
        if (q.matches("[0-9]{1,18}")) {
            long n = Long.parseLong(q);
            if (n <= chain.head()) {
                hits.add(new Hit("block", "block at height " + n, "/blocks/" + n));
            }
            if (chain.lease(n)) {
                hits.add(new Hit("lease", "lease " + n, "/leases/" + n));
            }
            if (chain.farm(n)) {
                hits.add(new Hit("farm", "farm " + n, "/farms/" + n));
            }
            return answer(q, hits, "no block at height " + q + " (the head is " + chain.head() + "), and no lease or farm "
                    + "has that id");
        }
        if (q.matches("0x[0-9a-fA-F]{64}")) {
            String hash = q.toLowerCase(java.util.Locale.ROOT);
            if (chain.transaction(hash)) {
                hits.add(new Hit("transaction", "transaction " + hash, "/txs/" + hash));
            }
            if (chain.blockHash(hash)) {
                hits.add(new Hit("block", "block " + hash, "/blocks/" + hash));
            }
            return answer(q, hits, "no block and no committed or pending transaction has the hash " + q);
        }
        if (q.matches("0x[0-9a-fA-F]{40}")) {
            if (io.gridchain.core.crypto.Address.parse(q) instanceof io.gridchain.core.crypto.Address.Parsed.Invalid bad) {
                return new Result.Unknown(q, bad.reason());
            }
            if (chain.gridNode(q)) {
                hits.add(new Hit("grid node", "grid node " + q, "/nodes/" + q));
            }
            // Every address has an account (empty until it is paid), so an address is never unknown.
            hits.add(new Hit("account", "account " + q, "/accounts/" + q));
            return answer(q, hits, "");
        }
        if (chain.identity(q)) {
            hits.add(new Hit("identity", "identity " + q, "/identities/" + Html.seg(q)));
        }
        if (chain.organization(q)) {
            hits.add(new Hit("organization", "organization " + q, "/orgs/" + Html.seg(q)));
        }
        chain.farmByName(q).ifPresent(id -> hits.add(new Hit("farm", "farm " + q + " (id " + id + ")", "/farms/" + id)));
        return answer(q, hits, "no identity, organization or farm is named '" + q + "'");
    }

    /** "lease 3", "farm #1", "block:12", "height 12": a number that says what it is. */
    private static final java.util.regex.Pattern KIND_AND_NUMBER =
            java.util.regex.Pattern.compile("(?i)(lease|farm|block|height)\\s*[:#]?\\s*([0-9]{1,18})");

    private static Result byKind(String q, String kind, long n, Lookup chain) {
        return switch (kind) {
            case "lease" -> chain.lease(n) ? new Result.One(new Hit("lease", "lease " + n, "/leases/" + n))
                    : new Result.Unknown(q, "no lease has the id " + n);
            case "farm" -> chain.farm(n) ? new Result.One(new Hit("farm", "farm " + n, "/farms/" + n))
                    : new Result.Unknown(q, "no farm has the id " + n);
            default -> n <= chain.head() ? new Result.One(new Hit("block", "block at height " + n, "/blocks/" + n))
                    : new Result.Unknown(q, "no block at height " + n + " (the head is " + chain.head() + ")");
        };
    }

    private static Result answer(String q, List<Hit> hits, String unknown) {
        if (hits.isEmpty()) {
            return new Result.Unknown(q, unknown);
        }
        return hits.size() == 1 ? new Result.One(hits.get(0)) : new Result.Several(List.copyOf(hits));
    }
}
