package io.gridchain.capacity;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only answers for the API, over the state at one height. Lease answers are settled lazily "as of"
 * a time the caller passes (normally the block time of that height, or now), so a lease whose escrow ran
 * out shows as in grace even before a block has written it. Lists are bounded: at most
 * {@link #MAX_RESULTS} results and {@link #MAX_SCAN} items examined per call, with a position to continue.
 */
public final class CapacityQueries {
    public static final int MAX_RESULTS = 100;
    public static final int MAX_SCAN = 1000;

    private final StateReader state;

    public CapacityQueries(StateReader state) {
        this.state = state;
    }

    public record NodeView(GridNode node, Resources free) {}

    /** A page of results; {@code next} is the position to continue from, or -1 when the list is exhausted. */
    public record Page<T>(List<T> items, long next) {}

    public Optional<Farm> farm(long id) {
        return CapacityStore.farm(state, id);
    }

    public Optional<Farm> farmByName(String name) {
        return CapacityStore.FARM_NAMES.get(state, name).flatMap(this::farm);
    }

    public Optional<NodeView> node(Address id) {
        return CapacityStore.node(state, id).map(n -> new NodeView(n, n.free()));
    }

    /** Active nodes of a farm with at least {@code minFree} free, scanning the farm's node list from {@code from}. */
    public Page<NodeView> searchNodes(long farmId, Resources minFree, long from, int limit) {
        int max = Math.min(Math.max(limit, 1), MAX_RESULTS);
        List<byte[]> ids = CapacityStore.FARM_NODES.read(state, farmId, from, MAX_SCAN);
        List<NodeView> out = new ArrayList<>();
        long pos = Math.max(0, from);
        for (byte[] id : ids) {
            pos++;
            GridNode n = CapacityStore.node(state, Address.of(id)).orElseThrow();
            if (n.status() == NodeStatus.ACTIVE && minFree.fitsWithin(n.free())) {
                out.add(new NodeView(n, n.free()));
                if (out.size() == max) {
                    break;
                }
            }
        }
        boolean more = pos < CapacityStore.FARM_NODES.size(state, farmId);
        return new Page<>(out, more ? pos : -1);
    }

    public Optional<LeaseView> lease(long id, long atSec) {
        return CapacityStore.lease(state, id).map(l -> LeaseView.of(l, atSec, gracePeriod()));
    }

    public Page<LeaseView> leasesByTenant(String tenant, Optional<LeaseState> filter, long atSec, long from, int limit) {
        return leases(CapacityStore.TENANT_LEASES.read(state, tenant, from, MAX_SCAN), filter, atSec, from, limit,
                CapacityStore.TENANT_LEASES.size(state, tenant));
    }

    public Page<LeaseView> leasesByNode(Address node, Optional<LeaseState> filter, long atSec, long from, int limit) {
        return leases(CapacityStore.NODE_LEASES.read(state, node, from, MAX_SCAN), filter, atSec, from, limit,
                CapacityStore.NODE_LEASES.size(state, node));
    }

    /**
     * What a compute node calls before starting or keeping a workload: the newest lease of {@code tenant}
     * on {@code node} that covers {@code resources} and is active at {@code atSec}. A lease in grace is
     * not valid (the node must pause the workload); the reason says so and until when it can be restored.
     */
    public LeaseVerification verifyLease(Address node, String tenant, Resources resources, long atSec) {
        if (CapacityStore.node(state, node).isEmpty()) {
            return LeaseVerification.refused("unknown node " + node);
        }
        List<byte[]> ids = CapacityStore.NODE_TENANT_LEASES.readNewestFirst(state,
                CapacityStore.nodeTenant(node, tenant), MAX_SCAN);
        LeaseVerification best = LeaseVerification.refused("no lease of '" + tenant + "' on node " + node);
        for (byte[] raw : ids) {
            LeaseView v = LeaseView.of(CapacityStore.lease(state, CapacityStore.readU64(raw)).orElseThrow(), atSec,
                    gracePeriod());
            Lease l = v.lease();
            if (!resources.fitsWithin(l.resources())) {
                best = best.leaseId().isPresent() ? best : LeaseVerification.refused("lease " + l.id()
                        + " reserves " + l.resources() + ", less than " + resources);
                continue;
            }
            if (v.state() == LeaseState.ACTIVE) {
                long until = l.hasFixedEnd() ? Math.min(l.endSec(), v.paidUntil()) : v.paidUntil();
                return new LeaseVerification(true, Optional.of(l.id()), Optional.of(v.state()), until, "ok");
            }
            if (v.state() == LeaseState.GRACE && (best.state().isEmpty() || best.state().get() != LeaseState.GRACE)) {
                best = new LeaseVerification(false, Optional.of(l.id()), Optional.of(v.state()), l.graceEndsAt(),
                        "grace: the escrow ran out at " + l.runsOutAt() + "; pause the workload; the lease ends at "
                                + l.graceEndsAt() + " unless topped up");
            } else if (best.leaseId().isEmpty()) {
                best = new LeaseVerification(false, Optional.of(l.id()), Optional.of(v.state()), l.endedAt(),
                        "lease " + l.id() + " ended at " + l.endedAt() + " (" + l.cause().label() + ")");
            }
        }
        return best;
    }

    /** Cost preview for a lease on {@code node}; empty if the node is unknown or the parameters are missing. */
    public Optional<LeaseQuote> quote(Address node, Resources resources, long seconds) {
        Optional<CapacityParams> params = CapacityParams.read(state);
        return CapacityStore.node(state, node).flatMap(n -> params.map(p ->
                LeaseQuote.of(n.prices(), resources, seconds, p)));
    }

    /** The state key under which lease {@code id} is stored, for its Merkle proof. */
    public static Bytes leaseKey(long id) {
        return CapacityStore.leaseKey(id);
    }

    private Page<LeaseView> leases(List<byte[]> ids, Optional<LeaseState> filter, long atSec, long from, int limit,
                                   long size) {
        int max = Math.min(Math.max(limit, 1), MAX_RESULTS);
        long grace = gracePeriod();
        List<LeaseView> out = new ArrayList<>();
        long pos = Math.max(0, from);
        for (byte[] raw : ids) {
            pos++;
            LeaseView v = LeaseView.of(CapacityStore.lease(state, CapacityStore.readU64(raw)).orElseThrow(), atSec, grace);
            if (filter.isEmpty() || filter.get() == v.state()) {
                out.add(v);
                if (out.size() == max) {
                    break;
                }
            }
        }
        return new Page<>(out, pos < size ? pos : -1);
    }

    private long gracePeriod() {
        return CapacityParams.read(state).map(CapacityParams::gracePeriodSeconds)
                .orElse(CapacityParams.DEFAULTS.gracePeriodSeconds());
    }
}
