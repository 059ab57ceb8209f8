package io.gridchain.testnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.testnet.scenario.Network;
import io.gridchain.testnet.scenario.Scenario;
import io.gridchain.wallet.NodeClient;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Four validator processes, one of which runs with {@code --test-only-equivocate} and signs
 * conflicting prevotes: the others keep committing one chain, and the proof of the double vote is
 * committed in a block, shown by the API as an {@code evidence.duplicate-vote} transaction whose
 * receipt records the offence.
 */
class EquivocationIT {
    private static final int EQUIVOCATOR = 3;
    private static final String EVIDENCE = "evidence.duplicate-vote";

    @Test
    void anEquivocatingValidatorCannotForkTheChainAndItsEvidenceIsCommitted() throws Exception {
        try (Network net = Scenario.validators(4).blockTime("200ms").nodeArgs(EQUIVOCATOR, "--test-only-equivocate")
                .start("equivocation")) {
            net.awaitHeight(3);
            String equivocator = net.address(EQUIVOCATOR);
            NodeClient api = net.client(0);
            net.await("evidence against validator " + EQUIVOCATOR + " committed", Network.DEFAULT_WAIT,
                    () -> evidenceAgainst(api, equivocator).isPresent());
            JsonNode evidence = evidenceAgainst(api, equivocator).orElseThrow();
            JsonNode payload = evidence.path("payload");
            assertThat(payload.path("type").asText()).isEqualTo("PREVOTE");
            assertThat(payload.path("values")).hasSize(2);
            assertThat(payload.path("values").get(0)).isNotEqualTo(payload.path("values").get(1));

            JsonNode tx = api.read("v1/txs/" + evidence.path("hash").asText());
            assertThat(tx.path("status").asText()).isEqualTo("committed");
            JsonNode recorded = tx.path("receipt").path("events").get(0);
            assertThat(recorded.path("type").asText()).isEqualTo("evidence.recorded");
            assertThat(recorded.path("attributes").path("validator").asText()).isEqualToIgnoringCase(equivocator);
            System.out.printf("evidence against %s (height %s, round %s) committed in block %d%n", equivocator,
                    payload.path("height"), payload.path("round"), tx.path("height").asLong());

            long after = net.highest();
            net.awaitHeightOn(net.all(), after + 5);
            net.awaitSameHead();
            Network.ChainCheck check = net.assertSameBlocksUpToLowestHeight();
            assertThat(check.nodes()).as("the equivocator's own node follows the one chain too").isEqualTo(4);
        }
    }

    /** The first committed evidence transaction naming {@code validator}, as node {@code api} shows it in its blocks. */
    private static Optional<JsonNode> evidenceAgainst(NodeClient api, String validator) {
        long head = api.status().height();
        for (long from = 1; from <= head; from += 100) {
            for (JsonNode block : api.read("v1/blocks?from=" + from + "&limit=100").path("blocks")) {
                for (JsonNode tx : block.path("transactions")) {
                    if (tx.path("kind").asText().equals(EVIDENCE)
                            && tx.path("payload").path("validator").asText().equalsIgnoreCase(validator)) {
                        return Optional.of(tx);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
