package io.gridchain.node.api;

import io.gridchain.capacity.CapacityRegistry;
import io.gridchain.consensus.evidence.DuplicateVoteEvidence;
import io.gridchain.consensus.message.Vote;
import io.gridchain.core.account.Transfer;
import io.gridchain.core.tx.TransactionHandler;
import io.gridchain.identity.IdentityRegistry;
import io.gridchain.node.chain.EvidenceSubmission;
import io.gridchain.node.chain.IdentityDirectoryOverRegistry;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.governance.Governance;
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
            m.putAll(GovernanceViews.action(g.action()));
            m.put("approvals", g.approvals().stream().map(a -> a.validator().toString()).toList());
            return m;
        });
        v.register(EvidenceSubmission.KIND, bytes -> evidence(DuplicateVoteEvidence.decode(bytes)));
        for (TransactionHandler<?> h : IdentityRegistry.handlers()) {
            v.register(h.kind(), new RecordPayloadView(h));
        }
        for (TransactionHandler<?> h : CapacityRegistry.handlers(new IdentityDirectoryOverRegistry())) {
            v.register(h.kind(), new RecordPayloadView(h));
        }
        return v;
    }

    /** Who equivocated where, and the two values it voted for: what an operator checks before acting on it. */
    private static Map<String, Object> evidence(DuplicateVoteEvidence e) {
        Vote first = e.first().vote();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("validator", e.first().validator().toString());
        m.put("height", first.height());
        m.put("round", first.round());
        m.put("type", first.type().name());
        m.put("values", java.util.Arrays.asList(value(first), value(e.second().vote()))); // a nil vote is null
        return m;
    }

    /** A vote's block hash, or null for a nil vote. */
    private static String value(Vote v) {
        return v.isNil() ? null : v.value().toHex();
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
