package io.gridchain.capacity;

import io.gridchain.capacity.tx.NodeGovernanceRetire;
import io.gridchain.capacity.tx.NodeHeartbeat;
import io.gridchain.capacity.tx.NodeRegister;
import io.gridchain.capacity.tx.NodeSetPrices;
import io.gridchain.capacity.tx.NodeSetStatus;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TxContext;
import io.gridchain.core.tx.TxOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Grid node rules. A node's id is the address of its own key; the farm owner registers it, with the
 * node key's consent (its signature over chain, farm and node id), sets its prices and status; only the
 * node's key can send its heartbeat.
 */
final class NodeRules {
    private final Authority authority;

    NodeRules(Authority authority) {
        this.authority = authority;
    }

    TxOutcome register(StateOverlay state, TxContext ctx, NodeRegister p) {
        Optional<CapacityParams> params = CapacityParams.read(state);
        if (params.isEmpty()) {
            return noParams();
        }
        Optional<Farm> farm = CapacityStore.farm(state, p.farmId());
        if (farm.isEmpty()) {
            return TxOutcome.rejected(CapacityRejections.UNKNOWN_FARM, "farm " + p.farmId() + " does not exist");
        }
        Optional<Rejection> denied = farmOwner(state, ctx, farm.get());
        if (denied.isPresent()) {
            return new TxOutcome.Rejected(denied.get());
        }
        if (CapacityStore.node(state, p.node()).isPresent()) {
            return TxOutcome.rejected(CapacityRejections.NODE_EXISTS, "node " + p.node() + " is already registered");
        }
        if (!p.nodeConsent().recoverSigner(NodeRegister.consentDigest(ctx.chainId(), p.farmId(), p.node()))
                .equals(Optional.of(p.node()))) {
            return TxOutcome.rejected(CapacityRejections.NODE_CONSENT_MISSING, "the registration is not signed by the key of node "
                    + p.node() + " for farm " + p.farmId() + " on chain " + ctx.chainId());
        }
        if (p.capacity().isZero()) {
            return TxOutcome.rejected(CapacityRejections.ZERO_CAPACITY, "a node must offer some capacity");
        }
        if (p.location().length() > 128) {
            return TxOutcome.rejected(Rejection.INVALID_PAYLOAD, "location is longer than 128 characters");
        }
        Optional<TxOutcome> badPrice = checkPrices(params.get(), p.prices());
        if (badPrice.isPresent()) {
            return badPrice.get();
        }
        long now = seconds(ctx);
        GridNode node = new GridNode(p.node(), p.farmId(), p.capacity(), Resources.ZERO, p.location(), p.prices(),
                NodeStatus.ACTIVE, now, 0, 0);
        CapacityStore.NODES.put(state, p.node(), node);
        CapacityStore.FARM_NODES.append(state, p.farmId(), p.node().bytes());
        return TxOutcome.applied(Event.of("gridnode.registered", "node", p.node().toString(), "farm",
                Long.toString(p.farmId()), "capacity", p.capacity().toString()));
    }

    TxOutcome setPrices(StateOverlay state, TxContext ctx, NodeSetPrices p) {
        Optional<CapacityParams> params = CapacityParams.read(state);
        if (params.isEmpty()) {
            return noParams();
        }
        Owned owned = owned(state, ctx, p.node());
        if (owned.refusal != null) {
            return owned.refusal;
        }
        if (owned.node.status() == NodeStatus.RETIRED) {
            return TxOutcome.rejected(CapacityRejections.NODE_RETIRED, "node " + p.node() + " is retired");
        }
        Optional<TxOutcome> badPrice = checkPrices(params.get(), p.prices());
        if (badPrice.isPresent()) {
            return badPrice.get();
        }
        CapacityStore.NODES.put(state, p.node(), owned.node.withPrices(p.prices()));
        return TxOutcome.applied(Event.of("gridnode.prices-set", "node", p.node().toString(), "prices",
                p.prices().toString()));
    }

    TxOutcome setStatus(StateOverlay state, TxContext ctx, NodeSetStatus p) {
        Owned owned = owned(state, ctx, p.node());
        if (owned.refusal != null) {
            return owned.refusal;
        }
        GridNode node = owned.node;
        if (node.status() == NodeStatus.RETIRED) {
            return TxOutcome.rejected(CapacityRejections.NODE_RETIRED, "node " + p.node() + " is retired for good");
        }
        if (node.status() == p.status()) {
            return TxOutcome.rejected(CapacityRejections.STATUS_UNCHANGED, "node " + p.node() + " is already "
                    + p.status().label());
        }
        if (p.status() == NodeStatus.RETIRED && node.openLeases() > 0) {
            return TxOutcome.rejected(CapacityRejections.NODE_LEASED, "node " + p.node() + " still has "
                    + node.openLeases() + " open lease(s); drain it and wait for them to end");
        }
        CapacityStore.NODES.put(state, p.node(), node.withStatus(p.status()));
        return TxOutcome.applied(Event.of("gridnode.status", "node", p.node().toString(), "status",
                p.status().label()));
    }

    TxOutcome heartbeat(StateOverlay state, TxContext ctx, NodeHeartbeat p) {
        Optional<GridNode> node = CapacityStore.node(state, p.node());
        if (node.isEmpty()) {
            return unknownNode(p.node().toString());
        }
        if (!ctx.sender().equals(p.node())) {
            return TxOutcome.rejected(CapacityRejections.HEARTBEAT_WRONG_KEY, "a heartbeat of node " + p.node()
                    + " must be signed by the node's own key, not by " + ctx.sender());
        }
        if (node.get().status() == NodeStatus.RETIRED) {
            return TxOutcome.rejected(CapacityRejections.NODE_RETIRED, "node " + p.node() + " is retired");
        }
        long now = seconds(ctx);
        CapacityStore.NODES.put(state, p.node(), node.get().withHeartbeat(now));
        return TxOutcome.applied(Event.of("gridnode.heartbeat", "node", p.node().toString(), "at", Long.toString(now)));
    }

    /** Ends every open lease of the node now (paid to now, the rest refunded) and retires it. */
    TxOutcome governanceRetire(StateOverlay state, TxContext ctx, NodeGovernanceRetire p) {
        Optional<CapacityParams> params = CapacityParams.read(state);
        if (params.isEmpty()) {
            return noParams();
        }
        if (params.get().governance().isEmpty() || !params.get().governance().get().equals(ctx.sender())) {
            return TxOutcome.rejected(CapacityRejections.NOT_GOVERNANCE, "sender " + ctx.sender()
                    + " is not the capacity governance address");
        }
        Optional<GridNode> node = CapacityStore.node(state, p.node());
        if (node.isEmpty()) {
            return unknownNode(p.node().toString());
        }
        if (node.get().status() == NodeStatus.RETIRED) {
            return TxOutcome.rejected(CapacityRejections.NODE_RETIRED, "node " + p.node() + " is already retired");
        }
        long now = seconds(ctx);
        List<Event> events = new ArrayList<>();
        long size = CapacityStore.NODE_LEASES.size(state, p.node());
        for (long from = 0; from < size; from += PagedIndex.PAGE) {
            for (byte[] id : CapacityStore.NODE_LEASES.read(state, p.node(), from, PagedIndex.PAGE)) {
                Lease lease = CapacityStore.LEASES.get(state, CapacityStore.readU64(id)).orElseThrow();
                Lease cur = LeaseSettlement.catchUp(state, lease, now, params.get().gracePeriodSeconds(), events);
                if (cur.isOpen()) {
                    LeaseSettlement.save(state, cur, cur.end(now, EndCause.NODE_RETIRED_BY_GOVERNANCE), events);
                }
            }
        }
        GridNode after = CapacityStore.node(state, p.node()).orElseThrow();
        CapacityStore.NODES.put(state, p.node(), after.withStatus(NodeStatus.RETIRED));
        events.add(Event.of("gridnode.status", "node", p.node().toString(), "status", "retired", "by", "governance"));
        return new TxOutcome.Applied(events);
    }

    private static Optional<TxOutcome> checkPrices(CapacityParams params, Prices prices) {
        if (!prices.within(params.minPrices(), params.maxPrices())) {
            return Optional.of(TxOutcome.rejected(CapacityRejections.PRICE_OUT_OF_BOUNDS, "prices " + prices
                    + " are outside the bounds [" + params.minPrices() + "] .. [" + params.maxPrices() + "]"));
        }
        return Optional.empty();
    }

    private record Owned(GridNode node, TxOutcome refusal) {}

    private Owned owned(StateOverlay state, TxContext ctx, io.gridchain.core.crypto.Address id) {
        Optional<GridNode> node = CapacityStore.node(state, id);
        if (node.isEmpty()) {
            return new Owned(null, unknownNode(id.toString()));
        }
        Farm farm = CapacityStore.farm(state, node.get().farmId()).orElseThrow();
        Optional<Rejection> denied = farmOwner(state, ctx, farm);
        return new Owned(node.get(), denied.<TxOutcome>map(TxOutcome.Rejected::new).orElse(null));
    }

    private Optional<Rejection> farmOwner(StateReader state, TxContext ctx, Farm farm) {
        return authority.check(state, farm.ownerIdentity(), ctx.sender(), CapacityRejections.UNKNOWN_IDENTITY,
                "farm " + farm.id() + " owner").map(r -> CapacityRejections.NOT_IDENTITY_OWNER.equals(r.code())
                ? Rejection.of(CapacityRejections.NOT_FARM_OWNER, r.detail()) : r);
    }

    static TxOutcome unknownNode(String id) {
        return TxOutcome.rejected(CapacityRejections.UNKNOWN_NODE, "grid node " + id + " is not registered");
    }

    static TxOutcome noParams() {
        return TxOutcome.rejected(CapacityRejections.PARAMS_MISSING, "the capacity parameters are not in the state");
    }

    static long seconds(TxContext ctx) {
        return Math.floorDiv(ctx.timestampMillis(), 1000);
    }
}
