package io.gridchain.node.bft;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Virtual time and the one queue of events of every node in a simulation. Events run one at a time
 * in time order, ties in the order they were added, on the caller's thread, so that a run is a
 * function of its seed alone.
 */
final class SimScheduler {
    private record Event(long at, long seq, Runnable task) {}

    private final PriorityQueue<Event> events =
            new PriorityQueue<>(Comparator.comparingLong(Event::at).thenComparingLong(Event::seq));
    private long now;
    private long seq;
    private long ran;

    SimScheduler(long startMillis) {
        this.now = startMillis;
    }

    long now() {
        return now;
    }

    /** How many events have run: an event's number while it runs. */
    long eventNumber() {
        return ran;
    }

    void after(long delayMillis, Runnable task) {
        events.add(new Event(now + Math.max(0, delayMillis), seq++, task));
    }

    /**
     * Runs events up to virtual time {@code end}, stopping early once {@code done} holds; throws once
     * {@code maxEvents} have run in this call, since a livelocked run must end too.
     */
    void runUntil(long end, BooleanSupplier done, long maxEvents) {
        long budget = maxEvents;
        while (!events.isEmpty() && events.peek().at() <= end && !done.getAsBoolean()) {
            if (budget-- == 0) {
                throw new IllegalStateException("more than " + maxEvents + " events before time " + end);
            }
            Event e = events.poll();
            now = e.at();
            ran++;
            e.task().run();
        }
        if (!done.getAsBoolean()) {
            now = Math.max(now, end);
        }
    }

    /** A node's clock: virtual time, off by the node's skew. */
    Clock clock(long skewMillis) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public long millis() {
                return now + skewMillis;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis());
            }
        };
    }
}
