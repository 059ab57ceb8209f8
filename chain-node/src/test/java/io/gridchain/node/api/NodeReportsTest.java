package io.gridchain.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.node.testing.RunningNode;
import io.gridchain.node.testing.TestChain;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a node says about itself and about things that do not exist, as a client reads it. */
class NodeReportsTest {
    @TempDir
    Path dir;

    @Test
    void statusShowsTheBlockTimeInUseBesideTheChainsParameter() throws Exception {
        try (RunningNode n = new RunningNode(new TestChain(1), dir.resolve("node"), Duration.ofMillis(50))) {
            JsonNode status = RunningNode.JSON.readTree(n.get("/v1/status").body());
            assertThat(status.path("blockTimeMillis").asLong()).isEqualTo(50);
            assertThat(status.path("targetBlockTimeMillis").asLong()).isEqualTo(1000);
        }
    }

    @Test
    void nodesOfAnUnknownFarmAreNotFoundRatherThanAnEmptyList() throws Exception {
        try (RunningNode n = new RunningNode(new TestChain(1), dir.resolve("node"), Duration.ofMillis(50))) {
            HttpResponse<String> r = n.get("/v1/nodes?farm=99");
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            JsonNode problem = RunningNode.JSON.readTree(r.body());
            assertThat(problem.path("code").asText()).isEqualTo("unknown-farm");
            assertThat(problem.path("detail").asText()).isEqualTo("no farm with id 99");
        }
    }
}
