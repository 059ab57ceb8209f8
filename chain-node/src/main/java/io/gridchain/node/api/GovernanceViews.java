package io.gridchain.node.api;

import io.gridchain.core.bytes.Hex;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of governance: a proposed action (in a governance transaction and among the
 * pending changes of {@code GET /v1/governance}), validators and chain parameters.
 */
public final class GovernanceViews {
    private GovernanceViews() {}

    /** {@code {"action": "update-validators", "validators": [...]}} or {@code {"action": "set-params", "params": {...}}}. */
    public static Map<String, Object> action(GovernanceAction action) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (action instanceof GovernanceAction.UpdateValidators u) {
            m.put("action", "update-validators");
            m.put("validators", u.updates().stream().map(x -> validator(x.address().toString(), x.publicKey(), x.power())).toList());
        } else {
            m.put("action", "set-params");
            m.put("params", params(((GovernanceAction.SetParams) action).params()));
        }
        return m;
    }

    public static List<Object> validators(List<Validator> validators) {
        return validators.stream().map(v -> (Object) validator(v.address().toString(), v.publicKey(), v.power())).toList();
    }

    /** Names as in the genesis document; the fee is a decimal string like every token amount. */
    public static Map<String, Object> params(ChainParams p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("targetBlockTimeMillis", p.targetBlockTimeMillis());
        m.put("maxBlockBytes", p.maxBlockBytes());
        m.put("maxTransactionBytes", p.maxTransactionBytes());
        m.put("minFee", Long.toString(p.minFee()));
        m.put("maxClockDriftMillis", p.maxClockDriftMillis());
        return m;
    }

    private static Map<String, Object> validator(String address, byte[] publicKey, long power) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", address);
        m.put("publicKey", Hex.encodePrefixed(publicKey));
        m.put("power", power);
        return m;
    }
}
