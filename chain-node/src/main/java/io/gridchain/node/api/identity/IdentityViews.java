package io.gridchain.node.api.identity;

import io.gridchain.core.bytes.Hex;
import io.gridchain.identity.model.HistoryEntry;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.IdentityKey;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Metadata;
import io.gridchain.identity.model.Organization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON shapes of identities and organizations. Heights are numbers; addresses EIP-55. */
public final class IdentityViews {
    private IdentityViews() {}

    public static Map<String, Object> identity(Identity i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", i.name());
        m.put("owner", i.owner().toString());
        m.put("status", i.status().wireName());
        m.put("registeredHeight", i.registeredHeight());
        List<Object> keys = new ArrayList<>();
        for (IdentityKey k : i.keys()) {
            Map<String, Object> key = new LinkedHashMap<>();
            key.put("address", k.address().toString());
            key.put("purpose", k.purpose().wireName());
            key.put("addedHeight", k.addedHeight());
            key.put("revokedHeight", k.isRevoked() ? k.revokedHeight() : null);
            keys.add(key);
        }
        m.put("keys", keys);
        m.put("metadata", metadata(i.metadata()));
        List<Object> owners = new ArrayList<>();
        i.owners().forEach(t -> owners.add(Map.of("owner", t.owner().toString(), "since", t.since())));
        m.put("owners", owners);
        List<Object> statuses = new ArrayList<>();
        i.statuses().forEach(t -> statuses.add(Map.of("status", t.status().wireName(), "since", t.since())));
        m.put("statuses", statuses);
        m.put("pendingRotation", i.pendingRotation().map(p -> (Object) Map.of("newOwner", p.newOwner().toString(),
                "requestedBy", p.requestedBy().toString(), "requestedHeight", p.requestedHeight(),
                "dueHeight", p.dueHeight())).orElse(null));
        return m;
    }

    public static Map<String, Object> metadata(Metadata md) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("displayName", md.displayName());
        m.put("emailHash", md.emailHash().length() == 0 ? null : Hex.encodePrefixed(md.emailHash().toArray()));
        m.put("serviceUri", md.serviceUri());
        m.put("encryptionKey", md.encryptionKey().length() == 0 ? null : Hex.encodePrefixed(md.encryptionKey().toArray()));
        return m;
    }

    public static List<Object> history(List<HistoryEntry> entries) {
        List<Object> out = new ArrayList<>();
        for (HistoryEntry e : entries) {
            out.add(Map.of("height", e.height(), "kind", e.kind(), "detail", e.detail()));
        }
        return out;
    }

    public static Map<String, Object> organization(Organization o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("parent", o.parent().orElse(null));
        m.put("owners", o.owners());
        List<Object> members = new ArrayList<>();
        for (MemberRef r : o.members()) {
            members.add(Map.of("type", r.type().name().toLowerCase(Locale.ROOT), "name", r.name()));
        }
        m.put("members", members);
        m.put("createdHeight", o.createdHeight());
        return m;
    }
}
