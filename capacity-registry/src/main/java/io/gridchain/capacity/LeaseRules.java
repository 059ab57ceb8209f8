package io.gridchain.capacity;

import io.gridchain.capacity.tx.LeaseCancel;
import io.gridchain.capacity.tx.LeaseCreate;
import io.gridchain.capacity.tx.LeaseExtend;
import io.gridchain.capacity.tx.LeaseSettle;
import io.gridchain.capacity.tx.LeaseTopUp;
import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Address;
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
 * Lease rules. Every rule on an existing lease first brings it up to the block's time
 * ({@link LeaseSettlement#catchUp}), so a lease whose deadline passed earlier in this block is judged
 * as it really is; if the rule then refuses, those writes are discarded with the rest and the
 * end-of-block settlement makes them.
 */
final class LeaseRules {
    private final Authority authority;

    LeaseRules(Authority authority) {
        this.authority = authority;
    }

    TxOutcome create(StateOverlay state, TxContext ctx, LeaseCreate p) {
        Optional<CapacityParams> params = CapacityParams.read(state);
        if (params.isEmpty()) {
            return NodeRules.noParams();
        }
        Optional<GridNode> found = CapacityStore.node(state, p.node());
        if (found.isEmpty()) {
            return NodeRules.unknownNode(p.node().toString());
        }
        GridNode node = found.get();
        if (node.status() != NodeStatus.ACTIVE) {
            return TxOutcome.rejected(node.status() == NodeStatus.DRAINING ? CapacityRejections.NODE_DRAINING
                    : CapacityRejections.NODE_RETIRED, "node " + p.node() + " is " + node.status().label()
                    + " and takes no new leases");
        }
        Optional<Rejection> denied = authority.check(state, p.tenant(), ctx.sender(),
                CapacityRejections.UNKNOWN_TENANT, "tenant");
        if (denied.isPresent()) {
            return new TxOutcome.Rejected(denied.get());
        }
        Optional<TxOutcome> badResources = checkResources(node, p.resources());
        if (badResources.isPresent()) {
            return badResources.get();
        }
        long now = NodeRules.seconds(ctx);
        long minPrepaid = params.get().minPrepaidSeconds();
        if (p.endSec() != 0 && p.endSec() < now + minPrepaid) {
            return TxOutcome.rejected(CapacityRejections.LEASE_TOO_SHORT, "end " + p.endSec() + " is less than the "
                    + "minimum period of " + minPrepaid + " s after the block time " + now);
        }
        long rate = node.prices().ratePerHour(p.resources());
        long minEscrow = LeaseCost.cost(rate, minPrepaid);
        if (p.escrow() == 0 || p.escrow() < minEscrow) {
            return TxOutcome.rejected(CapacityRejections.ESCROW_TOO_SMALL, "escrow " + p.escrow()
                    + " does not cover the minimum prepaid period of " + minPrepaid + " s, which costs " + minEscrow
                    + " at " + rate + " units/hour");
        }
        Optional<TxOutcome> unpaid = debit(state, ctx.sender(), p.escrow());
        if (unpaid.isPresent()) {
            return unpaid.get();
        }
        long id = CapacityStore.nextId(state, "lease");
        Lease lease = new Lease(id, p.node(), node.farmId(), p.tenant(), ctx.sender(), p.resources(), now, p.endSec(),
                rate, p.escrow(), 0, 0, LeaseState.ACTIVE, 0, 0, EndCause.NONE);
        CapacityStore.LEASES.put(state, id, lease);
        CapacityStore.NODES.put(state, node.id(), node.reserve(p.resources()));
        CapacityStore.indexNewLease(state, lease);
        return TxOutcome.applied(Event.of("lease.created", "lease", Long.toString(id), "node", p.node().toString(),
                "tenant", p.tenant(), "resources", p.resources().toString(), "start", Long.toString(now),
                "end", Long.toString(p.endSec()), "ratePerHour", Long.toString(rate), "escrow",
                Long.toString(p.escrow()), "paidUntil", Long.toString(lease.paidUntil())));
    }

    TxOutcome topUp(StateOverlay state, TxContext ctx, LeaseTopUp p) {
        if (p.amount() == 0) {
            return TxOutcome.rejected(CapacityRejections.ZERO_AMOUNT, "a top-up must add a positive amount");
        }
        return onOpenLease(state, ctx, p.leaseId(), (cur, now, events) -> {
            Lease after = cur.deposit(p.amount(), ctx.sender());
            if (cur.state() == LeaseState.GRACE) {
                if (after.runsOutAt() <= now) {
                    return TxOutcome.rejected(CapacityRejections.TOP_UP_TOO_SMALL, "lease " + cur.id()
                            + " is in grace; the top-up of " + p.amount() + " pays only until " + after.paidUntil()
                            + ", before the block time " + now + ", so it would not restore the lease");
                }
                after = after.restored();
                events.add(Event.of("lease.restored", "lease", Long.toString(cur.id()), "at", Long.toString(now)));
            }
            return fund(state, ctx, cur, after.settledTo(now), p.amount(), events, Event.of("lease.topped-up",
                    "lease", Long.toString(cur.id()), "amount", Long.toString(p.amount()), "paidUntil",
                    Long.toString(after.paidUntil())));
        });
    }

    TxOutcome extend(StateOverlay state, TxContext ctx, LeaseExtend p) {
        return onOpenLease(state, ctx, p.leaseId(), (cur, now, events) -> {
            if (!cur.hasFixedEnd()) {
                return TxOutcome.rejected(CapacityRejections.LEASE_OPEN_ENDED, "lease " + cur.id()
                        + " is open-ended; top it up instead");
            }
            if (p.newEndSec() <= cur.endSec()) {
                return TxOutcome.rejected(CapacityRejections.END_NOT_LATER, "new end " + p.newEndSec()
                        + " is not after the current end " + cur.endSec());
            }
            Lease after = cur.withEnd(p.newEndSec()).deposit(p.amount(), ctx.sender());
            if (cur.state() == LeaseState.GRACE && after.runsOutAt() > now) {
                after = after.restored();
                events.add(Event.of("lease.restored", "lease", Long.toString(cur.id()), "at", Long.toString(now)));
            }
            return fund(state, ctx, cur, after.settledTo(now), p.amount(), events, Event.of("lease.extended",
                    "lease", Long.toString(cur.id()), "end", Long.toString(p.newEndSec()), "amount",
                    Long.toString(p.amount())));
        });
    }

    TxOutcome cancel(StateOverlay state, TxContext ctx, LeaseCancel p) {
        return onOpenLease(state, ctx, p.leaseId(), (cur, now, events) -> {
            // The unused escrow goes back at once, to the tenant owner who cancels.
            LeaseSettlement.save(state, cur, cur.deposit(0, ctx.sender()).end(now, EndCause.CANCELLED), events);
            return new TxOutcome.Applied(events);
        });
    }

    /** Pays the farm what the lease used so far; anyone may send it. Ends the lease if its time has come. */
    TxOutcome settle(StateOverlay state, TxContext ctx, LeaseSettle p) {
        Optional<CapacityParams> params = CapacityParams.read(state);
        if (params.isEmpty()) {
            return NodeRules.noParams();
        }
        Optional<Lease> lease = CapacityStore.lease(state, p.leaseId());
        if (lease.isEmpty() || !lease.get().isOpen()) {
            return lease.isEmpty() ? unknownLease(p.leaseId()) : ended(lease.get());
        }
        long now = NodeRules.seconds(ctx);
        List<Event> events = new ArrayList<>();
        Lease cur = LeaseSettlement.catchUp(state, lease.get(), now, params.get().gracePeriodSeconds(), events);
        if (cur.isOpen()) {
            Lease after = cur.settledTo(now);
            LeaseSettlement.save(state, cur, after, events);
            events.add(Event.of("lease.settled", "lease", Long.toString(cur.id()), "paidToFarm",
                    Long.toString(after.paid() - cur.paid()), "at", Long.toString(now)));
        }
        return new TxOutcome.Applied(events);
    }

    private interface OpenLeaseRule {
        TxOutcome apply(Lease current, long now, List<Event> events);
    }

    /** Finds the lease, checks the sender acts for its tenant, brings it to now; refuses if it has ended. */
    private TxOutcome onOpenLease(StateOverlay state, TxContext ctx, long leaseId, OpenLeaseRule rule) {
        Optional<CapacityParams> params = CapacityParams.read(state);
        if (params.isEmpty()) {
            return NodeRules.noParams();
        }
        Optional<Lease> lease = CapacityStore.lease(state, leaseId);
        if (lease.isEmpty()) {
            return unknownLease(leaseId);
        }
        Optional<Rejection> denied = tenant(state, ctx, lease.get());
        if (denied.isPresent()) {
            return new TxOutcome.Rejected(denied.get());
        }
        long now = NodeRules.seconds(ctx);
        List<Event> events = new ArrayList<>();
        Lease cur = LeaseSettlement.catchUp(state, lease.get(), now, params.get().gracePeriodSeconds(), events);
        if (!cur.isOpen()) {
            return ended(cur);
        }
        return rule.apply(cur, now, events);
    }

    private TxOutcome fund(StateOverlay state, TxContext ctx, Lease before, Lease after, long amount,
                           List<Event> events, Event event) {
        Optional<TxOutcome> unpaid = debit(state, ctx.sender(), amount);
        if (unpaid.isPresent()) {
            return unpaid.get();
        }
        LeaseSettlement.save(state, before, after, events);
        events.add(event);
        return new TxOutcome.Applied(events);
    }

    private Optional<Rejection> tenant(StateReader state, TxContext ctx, Lease lease) {
        return authority.check(state, lease.tenant(), ctx.sender(), CapacityRejections.UNKNOWN_TENANT, "tenant")
                .map(r -> CapacityRejections.NOT_IDENTITY_OWNER.equals(r.code())
                        ? Rejection.of(CapacityRejections.NOT_TENANT, r.detail()) : r);
    }

    private static Optional<TxOutcome> checkResources(GridNode node, Resources wanted) {
        if (wanted.isZero()) {
            return Optional.of(TxOutcome.rejected(CapacityRejections.ZERO_RESOURCES, "a lease must reserve some resources"));
        }
        if (!wanted.fitsWithin(node.capacity())) {
            return Optional.of(TxOutcome.rejected(CapacityRejections.EXCEEDS_CAPACITY, "requested " + wanted
                    + " exceeds the capacity of node " + node.id() + " (" + node.capacity() + ")"));
        }
        if (!wanted.fitsWithin(node.free())) {
            return Optional.of(TxOutcome.rejected(CapacityRejections.INSUFFICIENT_CAPACITY, "requested " + wanted
                    + " exceeds the free capacity of node " + node.id() + " (" + node.free() + ")"));
        }
        return Optional.empty();
    }

    private static Optional<TxOutcome> debit(StateOverlay state, Address from, long amount) {
        Account payer = Account.STATE.get(state, from).orElse(Account.EMPTY);
        if (!payer.canPay(amount)) {
            return Optional.of(TxOutcome.rejected(CapacityRejections.INSUFFICIENT_BALANCE, "balance "
                    + payer.balance() + " does not cover " + amount + " after the fee"));
        }
        if (amount > 0) {
            Account.STATE.put(state, from, payer.debit(amount));
        }
        return Optional.empty();
    }

    private static TxOutcome unknownLease(long id) {
        return TxOutcome.rejected(CapacityRejections.UNKNOWN_LEASE, "lease " + id + " does not exist");
    }

    private static TxOutcome ended(Lease lease) {
        return TxOutcome.rejected(CapacityRejections.LEASE_ENDED, "lease " + lease.id() + " ended at "
                + lease.endedAt() + " (" + lease.cause().label() + ")");
    }
}
