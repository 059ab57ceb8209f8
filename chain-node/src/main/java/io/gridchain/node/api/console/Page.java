package io.gridchain.node.api.console;

/**
 * The frame every console page shares: navigation, the search box and the scripts. The main content is
 * rendered here on the server, so a page is whole before (or without) its script.
 */
final class Page {
    private Page() {}

    static String render(long chainId, String title, String body, String... scripts) {
        StringBuilder b = new StringBuilder(body.length() + 2048);
        b.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.esc(title)).append(" · Gridchain ").append(chainId).append("</title>")
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<link rel=\"stylesheet\" href=\"/assets/console.css\">");
        for (String s : scripts) {
            if (s.endsWith(".css")) {
                b.append("<link rel=\"stylesheet\" href=\"").append(s).append("\">");
            }
        }
        b.append("</head><body><a class=\"skip\" href=\"#main\">Skip to content</a>")
                .append("<header class=\"top\"><nav aria-label=\"Console\"><a class=\"brand\" href=\"/\">Gridchain <span>")
                .append(chainId).append("</span></a>")
                .append("<a href=\"/blocks\">Blocks</a><a href=\"/validators\">Validators</a><a href=\"/grid\">Grid</a>")
                .append("<a href=\"/mine\">Mine</a></nav>")
                .append("<form class=\"search\" role=\"search\" action=\"/search\" method=\"get\">")
                .append("<label for=\"q\" class=\"visually-hidden\">Search the chain</label>")
                .append("<input id=\"q\" name=\"q\" type=\"search\" placeholder=\"height, hash, address, name, lease id…\">")
                .append("<button type=\"submit\">Search</button></form></header>")
                .append("<main id=\"main\">").append(body).append("</main>")
                .append("<footer>Served by this node · the API is under <a href=\"/openapi.json\">/v1</a></footer>")
                .append("<script type=\"module\" src=\"/assets/console.js\"></script>");
        for (String s : scripts) {
            if (s.endsWith(".js")) {
                b.append("<script src=\"").append(s).append("\" defer></script>");
            }
        }
        return b.append("</body></html>").toString();
    }
}
