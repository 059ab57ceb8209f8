package io.gridchain.node.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.node.testing.RunningNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console over plain HTTP, as a browser without scripts (or a crawler) sees it: whole pages from the
 * server, HTML 404s for unknown things, search redirects, assets from the jar, the head stream, the
 * dashboard's transfer size, and the API's view of an account's transactions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTest {
    @TempDir
    static Path dir;
    private ConsoleData data;

    @BeforeAll
    void start() throws Exception {
        data = new ConsoleData(dir, Duration.ofMillis(100));
    }

    @AfterAll
    void stop() {
        data.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return data.n.get(path);
    }

    @Test
    void theDashboardIsWholeWithoutScriptsAndLoadsNothingFromElsewhere() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(ConsoleRoutes.CSP);
        JsonNode status = data.api("/v1/status");
        assertThat(r.body()).contains(status.get("genesisHash").asText(), "id=\"head-height\"", "Validators");
        assertThat(r.body()).doesNotContain("http://", "https://");
        Matcher stats = Pattern.compile("<script type=\"application/json\" id=\"stats\">(.*?)</script>").matcher(r.body());
        assertThat(stats.find()).isTrue();
        JsonNode blocks = RunningNode.JSON.readTree(stats.group(1));
        long head = blocks.get(blocks.size() - 1).get("height").asLong();
        assertThat(blocks.size()).isEqualTo((int) Math.min(head + 1, BlockFeed.WINDOW));
        assertThat(blocks.get(0).get("height").asLong()).isEqualTo(Math.max(0, head - BlockFeed.WINDOW + 1));
    }

    /** HTML, styles and scripts of the dashboard (no fonts or images are loaded): the budget is 300 KB. */
    @Test
    void theDashboardTransfersLessThan300Kilobytes() throws Exception {
        long total = get("/").body().getBytes(StandardCharsets.UTF_8).length;
        for (String asset : new String[] {"/assets/console.css", "/assets/console.js", "/assets/dashboard.js",
            "/assets/uplot/uPlot.min.css", "/assets/uplot/uPlot.iife.min.js"}) {
            HttpResponse<String> r = get(asset);
            assertThat(r.statusCode()).as(asset).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith(asset.endsWith(".css") ? "text/css" : "text/javascript");
            total += r.body().getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.println("dashboard transfer size: " + total + " bytes");
        assertThat(total).isLessThan(300_000);
    }

    @Test
    void unknownThingsAreHtmlPagesThatSaySo() throws Exception {
        for (String path : new String[] {"/blocks/99999999", "/leases/424242", "/identities/nobody", "/txs/0x" + "ab".repeat(32),
            "/nodes/not-an-address", "/assets/nothing.js"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("text/html");
            assertThat(r.body()).as(path).contains("Not found", "This chain has no");
        }
        HttpResponse<String> unknown = get("/search?q=nobody-here");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown", "no identity, organization or farm is named &#39;nobody-here&#39;");
        assertThat(get("/v1/blocks/99999999").headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
    }

    @Test
    void searchRedirectsToThePageOfWhatItFinds() throws Exception {
        HttpResponse<String> r = get("/search?q=alice");
        assertThat(r.statusCode()).isIn(301, 302, 303);
        assertThat(r.headers().firstValue("Location")).contains("/identities/alice");
        assertThat(get("/search?q=" + data.transferHash).headers().firstValue("Location")).contains("/txs/" + data.transferHash);
    }

    @Test
    void anAccountsTransactionsComeFromTheAddressIndex() throws Exception {
        String payee = data.payee.address().toString();
        JsonNode txs = data.api("/v1/accounts/" + payee + "/txs");
        // The payee received the transfer and is named as the farm's payout.
        assertThat(txs.get("transactions")).hasSize(2);
        assertThat(txs.get("transactions").get(1).get("hash").asText()).isEqualTo(data.transferHash);
        assertThat(txs.get("indexedFrom").asLong()).isZero();
        String page = get("/accounts/" + payee).body();
        assertThat(page).contains(data.transferHash).doesNotContain("predates the address index");
        assertThat(page.indexOf("farm.create")).isLessThan(page.indexOf(data.transferHash));
    }

    @Test
    void theHeadStreamSendsEachNewBlock() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(data.n.base() + "/v1/events/blocks"))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> r = data.n.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            String line;
            long first = -1;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("data: ")) {
                    JsonNode b = RunningNode.JSON.readTree(line.substring(6));
                    JsonNode api = data.api("/v1/blocks/" + b.get("height").asLong());
                    assertThat(b.get("hash").asText()).isEqualTo(api.get("hash").asText());
                    assertThat(b.get("txs").asInt()).isEqualTo(api.get("transactions").size());
                    if (first < 0) {
                        first = b.get("height").asLong();
                    } else {
                        assertThat(b.get("height").asLong()).isEqualTo(first + 1);
                        break;
                    }
                }
            }
            assertThat(first).isPositive();
        }
    }
}
