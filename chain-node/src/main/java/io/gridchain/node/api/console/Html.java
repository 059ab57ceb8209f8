package io.gridchain.node.api.console;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the console's HTML as text. Every value from the chain goes through {@link #esc}; values that
 * name something the console has a page for (an address, a hash) become links, so pages link each other.
 */
final class Html {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

    private final StringBuilder out = new StringBuilder(4096);

    static String esc(Object value) {
        String s = String.valueOf(value);
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A path segment: names are restricted on chain, but a search query is anything. */
    static String seg(Object value) {
        return java.net.URLEncoder.encode(String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String link(String href, Object text) {
        return "<a href=\"" + esc(href) + "\">" + esc(text) + "</a>";
    }

    /** An address or hash shortened for people, the whole value in the link and its title. */
    static String shortLink(String href, String value) {
        String shown = value.length() > 18 ? value.substring(0, 10) + "…" + value.substring(value.length() - 6) : value;
        return "<a class=\"mono\" href=\"" + esc(href) + "\" title=\"" + esc(value) + "\">" + esc(shown) + "</a>";
    }

    static String account(String address) {
        return address == null ? "—" : shortLink("/accounts/" + address, address);
    }

    /** A value rendered for people: addresses and hashes become links, maps become nested lists. */
    static String value(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Map<?, ?> m) {
            return dl(m);
        }
        if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return "none";
            }
            StringBuilder b = new StringBuilder("<ul class=\"plain\">");
            for (Object o : c) {
                b.append("<li>").append(value(o)).append("</li>");
            }
            return b.append("</ul>").toString();
        }
        String s = String.valueOf(v);
        // Whole values here (a definition list wraps them); tables use the short forms.
        if (ADDRESS.matcher(s).matches()) {
            return "<a class=\"mono wrap\" href=\"/accounts/" + esc(s) + "\">" + esc(s) + "</a>";
        }
        if (HASH.matcher(s).matches()) {
            return "<a class=\"mono wrap\" href=\"/search?q=" + esc(s) + "\">" + esc(s) + "</a>";
        }
        return esc(s);
    }

    /** Fields that hold token units (payloads, events, parameters): shown in GRID as well. */
    private static final java.util.Set<String> AMOUNTS = java.util.Set.of("amount", "escrow", "fee", "minFee", "paidToFarm",
            "refunded", "ratePerHour", "deposited", "paid", "used", "registrationFee", "updateFee");

    static String dl(Map<?, ?> m) {
        StringBuilder b = new StringBuilder("<dl class=\"kv\">");
        m.forEach((k, v) -> {
            b.append("<dt>").append(esc(k)).append("</dt><dd>").append(value(v));
            if (AMOUNTS.contains(String.valueOf(k)) && v != null && String.valueOf(v).matches("[0-9]{1,18}")) {
                b.append(" units (").append(esc(io.gridchain.wallet.Grid.format(Long.parseLong(String.valueOf(v))))).append(')');
            }
            b.append("</dd>");
        });
        return b.append("</dl>").toString();
    }

    /** A table with a caption (for screen readers and for people); cells are already HTML. */
    static String table(String caption, List<String> headers, List<List<String>> rows) {
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table><caption>").append(esc(caption)).append("</caption><thead><tr>");
        headers.forEach(h -> b.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
        b.append("</tr></thead><tbody>");
        if (rows.isEmpty()) {
            b.append("<tr><td colspan=\"").append(headers.size()).append("\">none</td></tr>");
        }
        for (List<String> row : rows) {
            b.append("<tr>");
            row.forEach(c -> b.append("<td>").append(c).append("</td>"));
            b.append("</tr>");
        }
        return b.append("</tbody></table></div>").toString();
    }

    /** A bar of {@code used} out of {@code total}, with its numbers written out for people and readers. */
    static String bar(String label, long used, long total) {
        return "<div class=\"bar\"><span class=\"bar-label\">" + esc(label) + "</span><meter min=\"0\" max=\""
                + Math.max(total, 1) + "\" value=\"" + used + "\" aria-label=\"" + esc(label) + " reserved\"></meter>"
                + "<span class=\"bar-nums\">" + used + " / " + total + " reserved, " + (total - used) + " free</span></div>";
    }

    Html raw(String s) {
        out.append(s);
        return this;
    }

    Html h(int level, Object text) {
        out.append("<h").append(level).append('>').append(esc(text)).append("</h").append(level).append('>');
        return this;
    }

    Html p(Object text) {
        out.append("<p>").append(esc(text)).append("</p>");
        return this;
    }

    Html section(String title, String body) {
        out.append("<section><h2>").append(esc(title)).append("</h2>").append(body).append("</section>");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
