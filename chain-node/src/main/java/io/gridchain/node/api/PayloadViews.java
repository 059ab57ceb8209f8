package io.gridchain.node.api;

import io.gridchain.capacity.CapacityRegistry;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.identity.IdentityRegistry;
import io.gridchain.node.chain.IdentityDirectoryOverRegistry;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.governance.Governance;
import io.gridchain.core.governance.GovernanceAction;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How each transaction kind's payload is shown in JSON. Transfers have their own view; the identity and
 * capacity kinds are shown by {@link RecordPayloadView}.
 */
public final class PayloadViews {
    private final Map<String, Function<byte[], Map<String, Object>>> views = new HashMap<>();

    public static PayloadViews standard() {
        PayloadViews v = new PayloadViews();
        v.register(Transfer.KIND, bytes -> {
            Transfer t = Transfer.decode(bytes);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("to", t.to().toString());
            m.put("amount", Long.toString(t.amount()));
            return m;
        });
        v.register(Governance.KIND, bytes -> {
            Governance g = Governance.decode(bytes);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("governanceNonce", g.governanceNonce());
            m.put("action", g.action() instanceof GovernanceAction.SetParams ? "set-params" : "update-validators");
            if (g.action() instanceof GovernanceAction.UpdateValidators u) {
                m.put("validators", u.updates().stream().map(x -> Map.of("address", x.address().toString(),
                        "publicKey", Hex.encodePrefixed(x.publicKey()), "power", x.power())).toList());
            }
            m.put("approvals", g.approvals().stream().map(a -> a.validator().toString()).toList());
            return m;
        });
        for (TransactionHandler<?> h : IdentityRegistry.handlers()) {
            v.register(h.kind(), new RecordPayloadView(h));
        }
        for (TransactionHandler<?> h : CapacityRegistry.handlers(new IdentityDirectoryOverRegistry())) {
            v.register(h.kind(), new RecordPayloadView(h));
        }
        return v;
    }

    public PayloadViews register(String kind, Function<byte[], Map<String, Object>> view) {
        views.put(kind, view);
        return this;
    }

    Map<String, Object> render(String kind, byte[] payload) {
        Function<byte[], Map<String, Object>> view = views.get(kind);
        if (view == null) {
            return Map.of("raw", Hex.encodePrefixed(payload));
        }
        return view.apply(payload);
    }
}
