package io.gridchain.node.api.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.core.bytes.Hex;
import io.gridchain.identity.PersonalSign;
import io.gridchain.wallet.Grid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in Debian's Chromium (headless, through chromium-driver) against a real dev node holding the
 * README's examples: every page type loads without console errors, shows what the API says, passes axe-core
 * with no serious or critical violation and is photographed under target/console-screenshots; search finds
 * each kind; the dashboard's head advances without a reload; the wallet sign-in runs with an injected
 * EIP-1193 provider whose personal_sign is answered by this test with bob's real key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {
    private static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Path SHOTS = Paths.get("target", "console-screenshots");

    @TempDir
    static Path dir;
    private ConsoleData data;
    private ChromeDriver browser;
    private String axe;

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does: apt-get install -y "
                        + "chromium chromium-driver)");
        data = new ConsoleData(dir.resolve("node"), Duration.ofMillis(200));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")), "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20)).scriptTimeout(Duration.ofSeconds(20));
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (data != null) {
            data.close();
        }
    }

    private String url(String path) {
        return data.n.base() + path;
    }

    /** Opens a page and checks what every page must: no console error, no serious or critical axe violation. */
    private void open(String path, String shot, int status) throws Exception {
        browser.manage().logs().get(LogType.BROWSER);   // drops what earlier pages logged
        browser.get(url(path));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        Thread.sleep(150);   // module scripts and charts settle
        assertNoConsoleErrors(path, status);
        assertAccessible(path);
        screenshot(shot);
    }

    private void open(String path, String shot) throws Exception {
        open(path, shot, 200);
    }

    private void assertNoConsoleErrors(String path, int status) {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            // A page answered 404 (an unknown thing) is logged by Chromium as a failed load: that one is meant.
            boolean expected404 = status == 404 && e.getMessage().contains("status of 404");
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !expected404) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).as("console errors on " + path).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void assertAccessible(String path) {
        JavascriptExecutor js = browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        assertThat((List<String>) result).as("serious or critical accessibility violations on " + path).isEmpty();
    }

    /** The whole page, not only the window (Chromium's own capture beyond the viewport). */
    private void screenshot(String name) throws IOException {
        Number width = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height.intValue(), 4000),
                        "scale", 1)));
        Files.write(SHOTS.resolve(name + ".png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    @Test
    void theDashboardShowsTheChainAndItsHeadAdvancesWithoutAReload() throws Exception {
        open("/", "dashboard");
        JsonNode status = data.api("/v1/status");
        assertThat(text("#chain-id")).isEqualTo(status.get("chainId").asText());
        assertThat(text("#genesis-hash")).isEqualTo(status.get("genesisHash").asText());
        assertThat(browser.findElements(By.cssSelector(".plot .uplot"))).as("the five charts are drawn").hasSize(5);
        long first = Long.parseLong(text("#head-height"));
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> Long.parseLong(text("#head-height")) >= first + 2);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(text("#live")).startsWith("Live");
        long shown = Long.parseLong(text("#head-height"));
        assertThat(data.api("/v1/status").get("height").asLong()).isGreaterThanOrEqualTo(shown);
        assertNoConsoleErrors("/ after live updates", 200);
        browser.manage().window().setSize(new Dimension(390, 844));
        try {
            browser.navigate().refresh();
            Thread.sleep(300);
            screenshot("dashboard-phone");
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth + 1");
            assertThat(overflow).as("the dashboard fits a phone's width").isEqualTo(false);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    @Test
    void blockAndTransactionPagesShowWhatTheApiSays() throws Exception {
        open("/blocks", "blocks");
        assertThat(browser.findElements(By.cssSelector("tbody tr"))).hasSizeGreaterThan(5);
        JsonNode block = data.api("/v1/blocks/" + data.transferHeight);
        open("/blocks/" + data.transferHeight, "block");
        assertThat(text("#block-header")).contains(block.get("hash").asText(), block.get("header").get("stateRoot").asText());
        assertThat(text("#signed-share")).contains("100.0%");
        assertThat(text("main")).contains(data.transferHash.substring(0, 10));
        JsonNode tx = data.api("/v1/txs/" + data.transferHash);
        open("/txs/" + data.transferHash, "transaction");
        assertThat(text("#tx-summary")).contains("committed", tx.get("height").asText(), tx.get("hash").asText(),
                Grid.format(Long.parseLong(tx.get("fee").asText())));
        assertThat(text("main")).contains("Payload", "Receipt");
    }

    @Test
    void accountAndValidatorPagesShowWhatTheApiSays() throws Exception {
        String payee = data.payee.address().toString();
        JsonNode account = data.api("/v1/accounts/" + payee);
        open("/accounts/" + payee, "account");
        assertThat(text("#balance")).isEqualTo(Grid.format(Long.parseLong(account.get("balance").asText())));
        assertThat(text("#nonce")).isEqualTo(account.get("nonce").asText());
        assertThat(text("main")).contains(data.transferHash.substring(0, 10));
        JsonNode gov = data.api("/v1/governance");
        open("/validators", "validators");
        String validator = gov.get("validators").get(0).get("address").asText();
        assertThat(browser.findElement(By.cssSelector("a[href='/accounts/" + validator + "']")).isDisplayed()).isTrue();
        assertThat(text("main")).contains("Total power " + gov.get("totalPower").asText(), "Pending governance changes",
                "Recorded evidence");
        assertThat(text("#node-status")).contains("single-validator dev node");
        List<WebElement> cells = browser.findElements(By.cssSelector("main section:first-of-type tbody tr:first-child td"));
        assertThat(Long.parseLong(cells.get(4).getText())).as("signed").isPositive();
        assertThat(cells.get(5).getText()).as("the sole validator missed no block").isEqualTo("0");
    }

    @Test
    void identityOrganizationAndGridPagesShowWhatTheApiSays() throws Exception {
        JsonNode alice = data.api("/v1/identities/alice");
        open("/identities/alice", "identity");
        assertThat(text("#identity")).contains(alice.get("status").asText());
        assertThat(browser.findElement(By.cssSelector("#identity a[href='/accounts/" + alice.get("owner").asText() + "']"))).isNotNull();
        assertThat(text("main")).contains("authentication", alice.get("keys").get(0).get("address").asText().substring(0, 10));
        open("/orgs/green-org", "organization");
        assertThat(text("#members")).contains("bob");
        assertThat(text("#organization")).contains("alice");
        open("/grid?farm=" + data.farmId + "&free_cru=4", "grid");
        assertThat(text("main")).contains("green-farm", data.gridNode.address().toString().substring(0, 10));
        JsonNode farm = data.api("/v1/farms/" + data.farmId);
        open("/farms/" + data.farmId, "farm");
        assertThat(text("#farm")).contains(farm.get("name").asText(), farm.get("owner").asText());
        JsonNode node = data.api("/v1/nodes/" + data.gridNode.address());
        open("/nodes/" + data.gridNode.address(), "node");
        assertThat(text("#node-status")).isEqualTo(node.get("status").asText());
        long cores = node.get("capacity").get("cru").asLong();
        long reserved = node.get("reserved").get("cru").asLong();
        assertThat(text("#capacity")).contains(reserved + " / " + cores + " reserved, " + (cores - reserved) + " free");
        assertThat(browser.findElements(By.cssSelector("#capacity meter"))).hasSize(4);
        JsonNode lease = data.api("/v1/leases/" + data.activeLease);
        open("/leases/" + data.activeLease, "lease");
        assertThat(text("#lease-state")).isEqualTo(lease.get("state").asText());
        assertThat(browser.findElement(By.id("escrow-left")).getAttribute("data-units"))
                .satisfies(units -> assertThat(Long.parseLong(units)).isBetween(
                        Long.parseLong(lease.get("escrowLeft").asText()) - 50_000_000L, Long.parseLong(lease.get("escrowLeft").asText())));
        assertThat(browser.findElement(By.cssSelector("#lease a[href='/nodes/" + data.gridNode.address() + "']"))).isNotNull();
        assertThat(text("main")).contains("lease.created").doesNotContain("lease.ended");
        JsonNode ended = data.api("/v1/leases/" + data.endedLease);
        open("/leases/" + data.endedLease, "lease-ended");
        assertThat(text("#lease-state")).isEqualTo(ended.get("state").asText()).isEqualTo("ended");
        assertThat(text("main")).contains("lease.created", "lease.ended").doesNotContain("gridchain lease cancel");
        assertThat(browser.findElements(By.cssSelector("figure.escrow svg"))).hasSize(1);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> {
            try {
                return "grace".equals(data.api("/v1/leases/" + data.graceLease).get("state").asText());
            } catch (Exception e) {
                return false;
            }
        });
        open("/leases/" + data.graceLease, "lease-grace");
        assertThat(text("#lease-state")).isEqualTo("grace");
        assertThat(text("#escrow-left")).isEqualTo("0 GRID");
        assertThat(text("main")).contains("graceEndsAt");
    }

    private void search(String query) {
        browser.get(url("/"));
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys(query);
        box.submit();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(url("/")));
    }

    @Test
    void searchFindsEachKindAndSaysWhenSomethingIsUnknown() throws Exception {
        String node = data.gridNode.address().toString();
        String payee = data.payee.address().toString();
        String blockHash = data.api("/v1/blocks/3").get("hash").asText();
        long head = data.api("/v1/status").get("height").asLong();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put(Long.toString(head), "/blocks/" + head);
        expected.put(blockHash, "/blocks/" + blockHash);
        expected.put(data.transferHash, "/txs/" + data.transferHash);
        expected.put(payee, "/accounts/" + payee);
        expected.put("alice", "/identities/alice");
        expected.put("green-org", "/orgs/green-org");
        expected.put("green-farm", "/farms/" + data.farmId);
        expected.put("farm " + data.farmId, "/farms/" + data.farmId);
        expected.put("lease " + data.activeLease, "/leases/" + data.activeLease);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            search(e.getKey());
            assertThat(browser.getCurrentUrl()).as("search for " + e.getKey()).isEqualTo(url(e.getValue()));
        }
        // A grid node's id is also an account: both are offered.
        search(node);
        assertThat(text("#hits")).contains("grid node", "account");
        browser.findElement(By.linkText("grid node " + node)).click();
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/nodes/" + node));
        // A small number is a height and also a lease id and a farm id.
        open("/search?q=" + data.activeLease, "search-several");
        assertThat(text("#hits")).contains("block at height " + data.activeLease, "lease " + data.activeLease);
        search("nobody-here");
        assertThat(text("#unknown")).contains("Unknown", "nobody-here", "no identity, organization or farm is named");
        open("/search?q=nobody-here", "search-unknown", 404);
        open("/leases/999", "not-found", 404);
        assertThat(text("#unknown")).contains("no lease 999");
    }

    @Test
    void aWalletSignsInThroughTheNodesSiweFlowAndSeesItsLeases() throws Exception {
        String bob = data.bob.address().toString();
        // An EIP-1193 provider as a wallet extension gives it; personal_sign waits for this test to sign.
        String provider = "window.ethereum = { isTest: true, request: ({method, params}) => {"
                + " if (method === 'eth_requestAccounts' || method === 'eth_accounts') return Promise.resolve(['" + bob + "']);"
                + " if (method === 'personal_sign') return new Promise((resolve, reject) => {"
                + "   window.pendingSign = {message: params[0], address: params[1], resolve, reject}; });"
                + " return Promise.reject(new Error('unsupported ' + method)); } };";
        Map<String, Object> added = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", provider));
        try {
            open("/mine", "mine-signed-out");
            assertThat(text("#sign-in-status")).doesNotContain("No wallet");
            browser.findElement(By.id("sign-in")).click();
            Object pending = new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> ((JavascriptExecutor) d)
                    .executeScript("return window.pendingSign ? [window.pendingSign.message, window.pendingSign.address] : null"));
            List<?> request = (List<?>) pending;
            assertThat(request.get(1)).isEqualTo(bob);
            String message = new String(Hex.decode((String) request.get(0)), StandardCharsets.UTF_8);
            assertThat(message).contains(bob, "Chain ID: 1337");
            String signature = data.bob.sign(PersonalSign.digest(message)).toString();
            browser.executeScript("window.pendingSign.resolve(arguments[0])", signature);
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("signed-in")).isEmpty());
            assertThat(text("#signed-in")).contains("Signed in as bob");
            assertThat(text("#mine")).contains(Long.toString(data.activeLease), "active", "ended", "grace",
                    "gridchain lease cancel " + data.activeLease);
            JsonNode leases = data.api("/v1/leases?tenant=bob");
            assertThat(browser.findElements(By.cssSelector("#mine tbody tr"))).hasSize(leases.get("leases").size());
            assertNoConsoleErrors("/mine after sign-in", 200);
            assertAccessible("/mine after sign-in");
            screenshot("mine");
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", added.get("identifier")));
        }
    }

}
