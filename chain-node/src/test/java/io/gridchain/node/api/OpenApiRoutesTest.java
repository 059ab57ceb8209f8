package io.gridchain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.node.GridchainNode;
import io.gridchain.node.config.NetworkConfig;
import io.gridchain.node.config.NodeConfig;
import io.gridchain.node.mempool.Mempool;
import io.gridchain.node.testing.TestChain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document describes exactly the routes a networked node serves, and the README names
 * every one of them: a route added without its description fails here, naming it.
 */
class OpenApiRoutesTest {
    /** Pages for people (the console) are not API routes; everything under these prefixes is. */
    private static final List<String> API_PREFIXES = List.of("/v1/", "/oauth/", "/.well-known/", "/openapi.json", "/metrics");

    @TempDir
    Path dir;

    @Test
    void everyServedRouteIsInOpenApiAndTheReadme() throws Exception {
        TestChain chain = new TestChain(1);
        NodeConfig config = new NodeConfig(dir.resolve("node"), "127.0.0.1", 0, 0, Duration.ofMillis(200), Mempool.Limits.DEFAULT);
        try (GridchainNode node = GridchainNode.startNetworked(config,
                new NetworkConfig("127.0.0.1", 0, List.of(), NetworkConfig.LAN_TIMEOUTS, java.util.Set.of()), chain.genesis, chain.validator,
                Clock.systemUTC())) {
            Set<String> served = new TreeSet<>();
            for (String route : node.apiRoutes()) {
                String path = route.substring(route.indexOf(' ') + 1);
                if (API_PREFIXES.stream().anyMatch(path::startsWith)) {
                    served.add(route);
                }
            }
            assertThat(served).contains("GET /v1/status", "GET /v1/net", "POST /oauth/token");

            HttpResponse<String> doc = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + node.apiPort() + "/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
            Set<String> documented = new TreeSet<>();
            JsonNode paths = new ObjectMapper().readTree(doc.body()).path("paths");
            for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
                String path = it.next();
                for (Iterator<String> m = paths.get(path).fieldNames(); m.hasNext(); ) {
                    documented.add(m.next().toUpperCase(Locale.ROOT) + " " + path);
                }
            }
            assertThat(difference(served, documented)).as("served but missing from openapi.json").isEmpty();
            assertThat(difference(documented, served)).as("in openapi.json but not served").isEmpty();

            String readme = Files.readString(readme());
            List<String> unnamed = new ArrayList<>();
            for (String route : documented) {
                if (!readme.contains(route.substring(route.indexOf(' ') + 1))) {
                    unnamed.add(route);
                }
            }
            assertThat(unnamed).as("routes the README does not name").isEmpty();
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Path readme() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("chain-node")) ? here.resolve("README.md")
                : here.getParent().resolve("README.md");
    }
}
