package io.gridchain.capacity;

import io.gridchain.core.exec.BlockHook;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * End-of-block settlement. It finds, through the due calendar, the seconds from the last settled one
 * to this block's time that have leases filed, and advances only those leases (grace at run-out, end
 * at grace end or fixed end), freeing their capacity in this block. Its cost is the number of leases
 * due (plus a calendar read per 194 days of the interval), not the seconds that passed: a block after
 * a long halt settles as cheaply as the next second's, and a lease that does not change state is
 * never read.
 */
final class SettlementHook implements BlockHook {
    static final String CURSOR_KEY = "settled-through";

    @Override
    public List<Event> endBlock(StateOverlay state, BlockInfo block) {
        long now = Math.floorDiv(block.timestampMillis(), 1000);
        Optional<Long> cursor = CapacityStore.CURSOR.get(state, CURSOR_KEY);
        // Before the first block nothing can be due: a lease's first deadline is after its creation.
        long from = cursor.map(c -> c + 1).orElse(now);
        if (cursor.isPresent() && from > now) {
            return List.of();
        }
        Optional<CapacityParams> params = CapacityParams.read(state);
        List<Event> events = new ArrayList<>();
        if (params.isPresent()) {
            long grace = params.get().gracePeriodSeconds();
            CapacityStore.DueBatch batch = new CapacityStore.DueBatch();
            for (long s : DueCalendar.marked(state, from, now)) {
                settleSecond(state, s, now, grace, events, batch);
            }
            batch.flush(state);
        }
        CapacityStore.CURSOR.put(state, CURSOR_KEY, now);
        return events;
    }

    private static void settleSecond(StateOverlay state, long second, long now, long grace, List<Event> events,
                                     CapacityStore.DueBatch batch) {
        Optional<List<Long>> due = CapacityStore.DUE.get(state, second);
        if (due.isEmpty()) {
            return;
        }
        for (long id : due.get()) {
            Lease lease = CapacityStore.LEASES.get(state, id).orElseThrow();
            if (lease.isOpen() && lease.nextDeadline() == second) {
                LeaseSettlement.catchUp(state, lease, now, grace, events, batch);
            }
        }
        CapacityStore.DUE.delete(state, second);
        DueCalendar.clear(state, second);
    }
}
