package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.wallet.NodeClient;

/** What a node's {@code GET /v1/governance} says the chain's governance is now. */
record ChainGovernance(long chainId, long height, long governanceNonce, ValidatorSet validators, ChainParams params) {
    static ChainGovernance read(NodeClient node) {
        JsonNode json = node.read("v1/governance");
        try {
            GovernanceJson.Fields f = GovernanceJson.object(json, "the answer");
            return new ChainGovernance(f.nonNegative("chainId"), f.nonNegative("height"), f.nonNegative("governanceNonce"),
                    ValidatorSet.of(GovernanceJson.readValidators(f.node("validators"), "validators")),
                    GovernanceJson.readParams(f.node("params"), "params"));
        } catch (GovernanceJson.Malformed | IllegalArgumentException e) {
            throw new CliException("the node at " + node.base() + " answered GET /v1/governance outside the API: " + e.getMessage());
        }
    }
}
