package io.gridchain.capacity;

import io.gridchain.core.account.Account;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import java.util.List;
import java.util.Optional;

/**
 * The lease state machine and the money and capacity that move with it. The pure part
 * ({@link #nextTransition}, {@link #project}) says what a lease becomes by itself as time passes; the
 * writing part ({@link #catchUp}, {@link #save}) applies it: payment to the farm's payout address,
 * refunds to the tenant, capacity released on the node, the due index, and events. Transaction rules,
 * the end-of-block hook and the queries all go through here, so there is one definition of a lease's
 * behaviour.
 */
public final class LeaseSettlement {
    private LeaseSettlement() {}

    /** The change a lease makes next by itself (grace or end, dated at its deadline), if any. */
    public static Optional<Lease> nextTransition(Lease l, long gracePeriodSeconds) {
        if (!l.isOpen()) {
            return Optional.empty();
        }
        long end = l.hasFixedEnd() ? l.endSec() : Long.MAX_VALUE;
        if (l.state() == LeaseState.ACTIVE) {
            long runOut = l.runsOutAt();
            if (end <= runOut) {
                return end == Long.MAX_VALUE ? Optional.empty() : Optional.of(l.end(end, EndCause.EXPIRED));
            }
            return Optional.of(l.enterGrace(runOut, LeaseCost.saturatingAdd(runOut, gracePeriodSeconds)));
        }
        if (end <= l.graceEndsAt()) {
            return Optional.of(l.end(end, EndCause.EXPIRED));
        }
        return Optional.of(l.end(l.graceEndsAt(), EndCause.OUT_OF_FUNDS));
    }

    /** The lease as it is at time t, payments materialised as they would be; writes nothing. */
    public static Lease project(Lease l, long t, long gracePeriodSeconds) {
        Lease cur = l;
        while (cur.isOpen() && cur.nextDeadline() <= t) {
            cur = nextTransition(cur, gracePeriodSeconds).orElseThrow();
        }
        return cur;
    }

    /** Applies, with their writes, the transitions due by {@code now}; returns the lease as of now. */
    static Lease catchUp(StateOverlay state, Lease lease, long now, long gracePeriodSeconds, List<Event> events) {
        return catchUp(state, lease, now, gracePeriodSeconds, events, null);
    }

    /** As above; new deadlines go to {@code batch} (written later by its owner) when it is not null. */
    static Lease catchUp(StateOverlay state, Lease lease, long now, long gracePeriodSeconds, List<Event> events,
                         CapacityStore.DueBatch batch) {
        Lease cur = lease;
        while (cur.isOpen() && cur.nextDeadline() <= now) {
            Lease next = nextTransition(cur, gracePeriodSeconds).orElseThrow();
            save(state, cur, next, events, batch);
            cur = next;
        }
        return cur;
    }

    /**
     * Writes {@code after} in place of {@code before}: pays the farm what {@code paid} grew by, refunds
     * what {@code refunded} grew by, releases the capacity of a lease that ended, files a changed
     * deadline in the due index, and records the grace / end event.
     */
    static void save(StateOverlay state, Lease before, Lease after, List<Event> events) {
        save(state, before, after, events, null);
    }

    static void save(StateOverlay state, Lease before, Lease after, List<Event> events, CapacityStore.DueBatch batch) {
        long toFarm = after.paid() - before.paid();
        if (toFarm > 0) {
            Farm farm = CapacityStore.farm(state, after.farmId()).orElseThrow();
            credit(state, farm.payout(), toFarm);
        }
        long refund = after.refunded() - before.refunded();
        if (refund > 0) {
            credit(state, after.refundTo(), refund);
        }
        if (before.isOpen() && !after.isOpen()) {
            GridNode node = CapacityStore.node(state, after.node()).orElseThrow();
            CapacityStore.NODES.put(state, node.id(), node.release(after.resources()));
            events.add(Event.of("lease.ended", "lease", Long.toString(after.id()), "node", after.node().toString(),
                    "tenant", after.tenant(), "at", Long.toString(after.endedAt()), "cause", after.cause().label(),
                    "paidToFarm", Long.toString(toFarm), "refunded", Long.toString(refund)));
        } else if (before.state() == LeaseState.ACTIVE && after.state() == LeaseState.GRACE) {
            events.add(Event.of("lease.grace", "lease", Long.toString(after.id()), "node", after.node().toString(),
                    "tenant", after.tenant(), "at", Long.toString(after.runsOutAt()), "graceEndsAt",
                    Long.toString(after.graceEndsAt()), "paidToFarm", Long.toString(toFarm)));
        }
        CapacityStore.LEASES.put(state, after.id(), after);
        if (after.isOpen() && after.nextDeadline() != before.nextDeadline()) {
            if (batch == null) {
                CapacityStore.scheduleDeadline(state, after);
            } else {
                batch.file(after);
            }
        }
    }

    private static void credit(StateOverlay state, Address to, long amount) {
        Account a = Account.STATE.get(state, to).orElse(Account.EMPTY);
        Account.STATE.put(state, to, a.credit(amount));
    }
}
