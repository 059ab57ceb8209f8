package io.gridchain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.UnsignedTransaction;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A real node (LevelDB in a temporary directory, HTTP on 127.0.0.1) receiving fuzzed request bodies on
 * every endpoint that reads one. The first input byte picks the endpoint, the rest is the body. Every
 * answer comes within 10 s and is a success or a 4xx whose body is a JSON object naming the problem
 * (problem+json on /v1, an OAuth error on /oauth); never a 5xx.
 */
@Tag("fuzz")
class ApiBodyFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] ROUTES = {
            {"/v1/txs", "application/json"},
            {"/v1/txs/batch", "application/json"},
            {"/v1/identities/alice/verify", "application/json"},
            {"/v1/leases/verify", "application/json"},
            {"/oauth/challenge", "application/json"},
            {"/oauth/token", "application/x-www-form-urlencoded"},
            {"/oauth/introspect", "application/x-www-form-urlencoded"},
            {"/oauth/revoke", "application/x-www-form-urlencoded"},
    };
    private static Path dataDir;
    private static TestChain chain;
    private static RunningNode node;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("api-fuzz");
        chain = new TestChain(1);
        node = new RunningNode(chain, dataDir, Duration.ofMillis(200));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static Stream<byte[]> seeds() {
        TestChain seedChain = new TestChain(1); // its keys are not this node's: the transfer is refused, after decoding
        String tx = Hex.encodePrefixed(new UnsignedTransaction(TestChain.CHAIN_ID, 0, 1_000,
                new Transfer(SigningKey.random(new SecureRandom()).address(), 5)).signWith(seedChain.accounts.get(0)).encode());
        String address = seedChain.accounts.get(0).address().toString();
        return Stream.of(
                route(0, "{\"tx\":\"" + tx + "\"}"),
                route(1, "{\"txs\":[\"" + tx + "\", \"0x00\", 7]}"),
                route(2, "{\"message\":\"hello\",\"signature\":\"0x" + "11".repeat(65) + "\"}"),
                route(3, "{\"node\":\"" + address + "\",\"tenant\":\"alice\",\"cpu\":1,\"memoryMb\":512}"),
                route(4, "{\"address\":\"" + address + "\",\"audience\":\"https://portal.example\"}"),
                route(5, "grant_type=client_credentials&client_id=alice&client_assertion=e30.e30.&audience=x"),
                route(6, "token=e30.e30.&token_type_hint=access_token"),
                route(7, "token=abc"));
    }

    @MethodSource("seeds")
    @FuzzTest(maxDuration = "12s") // the long suite's budget; the default suite only replays
    void answersEveryBodyWithSuccessOrAProblemNeverA5xx(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        String[] route = ROUTES[(input[0] & 0xFF) % ROUTES.length];
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        HttpResponse<String> r = node.http.send(HttpRequest.newBuilder(URI.create(node.base() + route[0]))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", route[1])
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s answered %s", route[0], r.body()).isBetween(200, 499);
        if (r.statusCode() >= 400) {
            JsonNode problem = JSON.readTree(r.body());
            assertThat(problem.isObject()).as(r.body()).isTrue();
            if (route[0].startsWith("/v1/")) {
                assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
                assertThat(problem.path("detail").asText()).as(r.body()).isNotBlank();
            } else {
                assertThat(problem.path("error").asText() + problem.path("detail").asText()).as(r.body()).isNotBlank();
            }
        }
    }

    private static byte[] route(int index, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        out[0] = (byte) index;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }
}
