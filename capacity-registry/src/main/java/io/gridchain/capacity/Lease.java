package io.gridchain.capacity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;

/**
 * A capacity reservation on one node, paid from escrow. All times are whole seconds of block time.
 *
 * <p>Money: {@code deposited} is every unit ever locked into the escrow, {@code paid} what has been
 * moved to the farm's payout address, {@code refunded} what went back to the tenant. The escrow still
 * held is {@code deposited − paid − refunded}. What the lease has used by time t is
 * {@code min(cost(t − start), deposited)} (see {@link LeaseCost}); payment is lazy: {@code paid}
 * catches up with that figure only when the lease changes (top-up, extend, settle, grace, end).
 *
 * @param endSec       fixed end time, or 0 for an open-ended lease (it runs while funded)
 * @param refundTo     where refunds go: the tenant owner address that last funded the lease
 * @param graceEndsAt  when a lease in grace ends unless topped up (0 otherwise)
 * @param endedAt      when it ended (0 while open)
 */
public record Lease(long id, Address node, long farmId, String tenant, Address refundTo, Resources resources,
                    long startSec, long endSec, long ratePerHour, long deposited, long paid, long refunded,
                    LeaseState state, long graceEndsAt, long endedAt, EndCause cause) {

    public boolean hasFixedEnd() {
        return endSec != 0;
    }

    public boolean isOpen() {
        return state != LeaseState.ENDED;
    }

    public long escrowHeld() {
        return deposited - paid - refunded;
    }

    /** What the lease has consumed by time t: min(cost since start, deposit); stops at its end. */
    public long usedAt(long t) {
        long stop = t;
        if (state == LeaseState.ENDED) {
            stop = Math.min(stop, endedAt);
        }
        if (hasFixedEnd()) {
            stop = Math.min(stop, endSec);
        }
        return Math.min(LeaseCost.cost(ratePerHour, stop - startSec), deposited);
    }

    /** The last second the deposit pays for (Long.MAX_VALUE for a free lease). */
    public long paidUntil() {
        return LeaseCost.saturatingAdd(startSec, LeaseCost.coveredSeconds(ratePerHour, deposited));
    }

    /** The first second the deposit does not cover: when an active lease enters grace. */
    public long runsOutAt() {
        return LeaseCost.saturatingAdd(paidUntil(), 1);
    }

    /** When this lease next changes state by itself; Long.MAX_VALUE if never. */
    public long nextDeadline() {
        long end = hasFixedEnd() ? endSec : Long.MAX_VALUE;
        switch (state) {
            case ACTIVE:
                return Math.min(end, runsOutAt());
            case GRACE:
                return Math.min(end, graceEndsAt);
            default:
                return Long.MAX_VALUE;
        }
    }

    /** Materialises payment up to t: paid becomes usedAt(t). Never decreases. */
    public Lease settledTo(long t) {
        long p = Math.max(paid, usedAt(t));
        return new Lease(id, node, farmId, tenant, refundTo, resources, startSec, endSec, ratePerHour, deposited, p,
                refunded, state, graceEndsAt, endedAt, cause);
    }

    public Lease enterGrace(long at, long graceEnd) {
        Lease s = settledTo(at);
        return new Lease(id, node, farmId, tenant, refundTo, resources, startSec, endSec, ratePerHour, deposited,
                s.paid, refunded, LeaseState.GRACE, graceEnd, 0, EndCause.NONE);
    }

    /** Ends at {@code at}: pays what was used by then, refunds the rest of the escrow. */
    public Lease end(long at, EndCause why) {
        Lease s = settledTo(at);
        long refund = s.escrowHeld();
        return new Lease(id, node, farmId, tenant, refundTo, resources, startSec, endSec, ratePerHour, deposited,
                s.paid, Math.addExact(refunded, refund), LeaseState.ENDED, 0, at, why);
    }

    public Lease restored() {
        return new Lease(id, node, farmId, tenant, refundTo, resources, startSec, endSec, ratePerHour, deposited, paid,
                refunded, LeaseState.ACTIVE, 0, 0, EndCause.NONE);
    }

    public Lease deposit(long amount, Address from) {
        return new Lease(id, node, farmId, tenant, from, resources, startSec, endSec, ratePerHour,
                Math.addExact(deposited, amount), paid, refunded, state, graceEndsAt, endedAt, cause);
    }

    public Lease withEnd(long newEnd) {
        return new Lease(id, node, farmId, tenant, refundTo, resources, startSec, newEnd, ratePerHour, deposited, paid,
                refunded, state, graceEndsAt, endedAt, cause);
    }

    public byte[] encode() {
        return Rlp.list(Rlp.uint(id), Rlp.bytes(node.bytes()), Rlp.uint(farmId), Rlp.string(tenant),
                Rlp.bytes(refundTo.bytes()), resources.encode(), Rlp.uint(startSec), Rlp.uint(endSec),
                Rlp.uint(ratePerHour), Rlp.uint(deposited), Rlp.uint(paid), Rlp.uint(refunded),
                Rlp.uint(state.ordinal()), Rlp.uint(graceEndsAt), Rlp.uint(endedAt), Rlp.uint(cause.ordinal()));
    }

    public static Lease decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        Lease l = new Lease(r.uint64("id"), Address.of(r.bytes(20, "node")), r.uint64("farmId"), r.string(),
                Address.of(r.bytes(20, "refundTo")), Resources.read(r, "resources"), r.uint64("startSec"),
                r.uint64("endSec"), r.uint64("ratePerHour"), r.uint64("deposited"), r.uint64("paid"),
                r.uint64("refunded"), LeaseState.values()[r.uint32("state")], r.uint64("graceEndsAt"),
                r.uint64("endedAt"), EndCause.values()[r.uint32("cause")]);
        r.finish("lease");
        return l;
    }
}
