package io.gridchain.node.api;

import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.governance.Governance;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.governance.GovernanceState;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.validator.ValidatorSet;
import io.gridchain.core.validator.ValidatorSetState;
import io.gridchain.node.chain.Ledger;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/governance}: what a governance proposal is made against — the governance nonce its
 * approvals must name, the validator set whose power approves it (and how much is enough), the
 * chain parameters, and the approved changes still waiting for their height.
 */
public final class GovernanceRoutes implements ApiServer.Routes {
    private final Ledger ledger;

    public GovernanceRoutes(Ledger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void accept(Javalin app) {
        app.get("/v1/governance", this::governance);
    }

    private void governance(Context ctx) {
        BlockHeader head = ledger.head();
        StateReader state = ledger.state();
        ValidatorSet validators = ValidatorSetState.read(state);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("chainId", ledger.chainId());
        m.put("height", head.height());
        m.put("governanceNonce", GovernanceState.nonce(state));
        m.put("delay", Governance.DELAY);
        m.put("totalPower", validators.totalPower());
        m.put("quorumPower", validators.totalPower() * 2 / 3 + 1);
        m.put("validators", GovernanceViews.validators(validators.validators()));
        m.put("params", GovernanceViews.params(ChainParams.read(state)));
        m.put("pending", pending(state, head.height()));
        ctx.json(m);
    }

    /** A change committed at height h waits for h + DELAY, so only the next DELAY heights can have any. */
    private static List<Object> pending(StateReader state, long head) {
        List<Object> out = new ArrayList<>();
        for (long h = head + 1; h <= head + Governance.DELAY; h++) {
            for (GovernanceAction action : GovernanceState.pendingAt(state, h)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("effectiveHeight", h);
                change.putAll(GovernanceViews.action(action));
                out.add(change);
            }
        }
        return out;
    }
}
