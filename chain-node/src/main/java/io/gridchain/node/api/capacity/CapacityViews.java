package io.gridchain.node.api.capacity;

import io.gridchain.capacity.CapacityQueries;
import io.gridchain.capacity.Farm;
import io.gridchain.capacity.GridNode;
import io.gridchain.capacity.Lease;
import io.gridchain.capacity.LeaseView;
import io.gridchain.capacity.Prices;
import io.gridchain.capacity.Resources;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of farms, grid nodes and leases. Token amounts and prices are decimal strings; times ISO-8601. */
public final class CapacityViews {
    private CapacityViews() {}

    public static Map<String, Object> farm(Farm f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("name", f.name());
        m.put("owner", f.ownerIdentity());
        m.put("payout", f.payout().toString());
        return m;
    }

    public static Map<String, Object> resources(Resources r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cru", r.cru());
        m.put("mru", r.mru());
        m.put("sru", r.sru());
        m.put("hru", r.hru());
        return m;
    }

    public static Map<String, Object> prices(Prices p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cru", Long.toString(p.cru()));
        m.put("mru", Long.toString(p.mru()));
        m.put("sru", Long.toString(p.sru()));
        m.put("hru", Long.toString(p.hru()));
        return m;
    }

    public static Map<String, Object> node(CapacityQueries.NodeView v) {
        GridNode n = v.node();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", n.id().toString());
        m.put("farm", n.farmId());
        m.put("status", n.status().label());
        m.put("capacity", resources(n.capacity()));
        m.put("reserved", resources(n.reserved()));
        m.put("free", resources(v.free()));
        m.put("pricesPerHour", prices(n.prices()));
        m.put("location", n.location());
        m.put("openLeases", n.openLeases());
        m.put("registeredAt", time(n.registeredAt()));
        m.put("lastHeartbeat", n.lastHeartbeat() == 0 ? null : time(n.lastHeartbeat()));
        return m;
    }

    public static Map<String, Object> lease(LeaseView v) {
        Lease l = v.lease();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("node", l.node().toString());
        m.put("farm", l.farmId());
        m.put("tenant", l.tenant());
        m.put("resources", resources(l.resources()));
        m.put("state", v.state().label());
        m.put("cause", l.state() == io.gridchain.capacity.LeaseState.ENDED ? l.cause().label() : null);
        m.put("start", time(l.startSec()));
        m.put("end", l.hasFixedEnd() ? time(l.endSec()) : null);
        m.put("ratePerHour", Long.toString(l.ratePerHour()));
        m.put("deposited", Long.toString(l.deposited()));
        m.put("used", Long.toString(v.used()));
        m.put("paid", Long.toString(l.paid()));
        m.put("refunded", Long.toString(l.refunded()));
        m.put("escrowLeft", Long.toString(v.escrowLeft()));
        m.put("paidUntil", time(v.paidUntil()));
        m.put("graceEndsAt", l.graceEndsAt() == 0 ? null : time(l.graceEndsAt()));
        m.put("endedAt", l.endedAt() == 0 ? null : time(l.endedAt()));
        m.put("asOf", time(v.at()));
        return m;
    }

    /** The record as stored (what the proof proves), not settled forward to now. */
    public static Map<String, Object> storedLease(Lease l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("node", l.node().toString());
        m.put("farm", l.farmId());
        m.put("tenant", l.tenant());
        m.put("resources", resources(l.resources()));
        m.put("state", l.state().label());
        m.put("cause", l.cause().label());
        m.put("start", time(l.startSec()));
        m.put("end", l.hasFixedEnd() ? time(l.endSec()) : null);
        m.put("ratePerHour", Long.toString(l.ratePerHour()));
        m.put("deposited", Long.toString(l.deposited()));
        m.put("paid", Long.toString(l.paid()));
        m.put("refunded", Long.toString(l.refunded()));
        m.put("paidUntil", time(l.paidUntil()));
        return m;
    }

    /** ISO-8601, or null for a time no calendar holds (a free lease is paid "forever"). */
    public static String time(long epochSecond) {
        return epochSecond > Instant.MAX.getEpochSecond() ? null : Instant.ofEpochSecond(epochSecond).toString();
    }
}
