package io.gridchain.capacity;

/**
 * A lease as of time {@code at}, settled lazily: {@code lease} is the stored record brought forward to
 * {@code at} (grace or end applied if their time has passed, even if no block has written them yet).
 *
 * @param escrowLeft what the escrow still holds for the tenant at {@code at}
 * @param used       what the lease has consumed by {@code at} (paid to the farm or owed to it)
 * @param paidUntil  the last second the deposit pays for
 */
public record LeaseView(Lease lease, long at, LeaseState state, long escrowLeft, long used, long paidUntil,
                        long nextDeadline) {
    static LeaseView of(Lease stored, long at, long gracePeriodSeconds) {
        Lease l = LeaseSettlement.project(stored, at, gracePeriodSeconds);
        long used = l.usedAt(at);
        long left = l.isOpen() ? l.deposited() - l.refunded() - used : 0;
        return new LeaseView(l, at, l.state(), left, used, l.paidUntil(), l.nextDeadline());
    }
}
