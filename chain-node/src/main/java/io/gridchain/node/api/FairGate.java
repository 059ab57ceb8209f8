package io.gridchain.node.api;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code permits} costly requests in at once, shared fairly between clients. When none is free a
 * request may wait, at most {@code maxWait}, but only one request a client: the waiters are one per
 * client and served in the order they came, so a client with 64 connections waits its turn like one
 * with one, and the queue is as long as the number of clients waiting, never longer than
 * {@code maxWaiters}. A request that cannot wait, or waited too long, is refused.
 */
final class FairGate {
    private final int permits;
    private final int maxWaiters;
    private final long maxWaitNanos;
    private final Map<String, Waiter> waiting = new LinkedHashMap<>();
    private int inside;

    private static final class Waiter {
        boolean admitted;
    }

    FairGate(int permits, int maxWaiters, long maxWaitNanos) {
        this.permits = permits;
        this.maxWaiters = maxWaiters;
        this.maxWaitNanos = maxWaitNanos;
    }

    /** Whether {@code client}'s request may go in; it then must {@link #leave}. */
    synchronized boolean enter(String client) throws InterruptedException {
        if (inside < permits && waiting.isEmpty()) {
            inside++;
            return true;
        }
        if (waiting.containsKey(client) || waiting.size() >= maxWaiters) {
            return false;
        }
        Waiter w = new Waiter();
        waiting.put(client, w);
        long deadline = System.nanoTime() + maxWaitNanos;
        try {
            while (!w.admitted) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    waiting.remove(client);
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            if (w.admitted) {
                leave();
            } else {
                waiting.remove(client);
            }
            throw e;
        }
    }

    /** A request left: its place passes to the longest-waiting client, if any. */
    synchronized void leave() {
        Iterator<Waiter> first = waiting.values().iterator();
        if (first.hasNext()) {
            first.next().admitted = true;
            first.remove();
            notifyAll();
        } else {
            inside--;
        }
    }

    int size() {
        return permits;
    }
}
