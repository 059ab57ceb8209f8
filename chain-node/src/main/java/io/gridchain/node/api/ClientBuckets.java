package io.gridchain.node.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client, at most {@code maxClients} of them: the least recently seen client's bucket
 * is dropped to make room (an active client is recently seen, so flooding from new addresses evicts idle
 * clients, never the flooder's own bucket). O(1) a call. Time is passed in as nanoseconds.
 */
final class ClientBuckets {
    /** Whether a request may start, and if not, in how many whole seconds it could. */
    sealed interface Decision {
        record Allowed() implements Decision {}

        record Limited(long retryAfterSeconds) implements Decision {}
    }

    private static final Decision ALLOWED = new Decision.Allowed();

    private final double unitsPerNano;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets;

    private static final class Bucket {
        double units;
        long at;

        Bucket(double units, long at) {
            this.units = units;
            this.at = at;
        }
    }

    ClientBuckets(double unitsPerSecond, int burst, int maxClients, LongSupplier nanos) {
        this.unitsPerNano = unitsPerSecond / 1e9;
        this.burst = burst;
        this.nanos = nanos;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Takes one unit from {@code client}'s bucket if it has one. */
    synchronized Decision start(String client) {
        Bucket b = refilled(client);
        if (b.units >= 1) {
            b.units -= 1;
            return ALLOWED;
        }
        return new Decision.Limited(Math.max(1, (long) Math.ceil((1 - b.units) / (unitsPerNano * 1e9))));
    }

    /**
     * Charges {@code units} more once a request's real cost is known. The bucket may go into debt, down
     * to minus one burst, which the client then waits off: a costly answer is paid for, not refused halfway.
     */
    synchronized void charge(String client, long units) {
        if (units <= 0) {
            return;
        }
        Bucket b = refilled(client);
        b.units = Math.max(-burst, b.units - units);
    }

    synchronized int clients() {
        return buckets.size();
    }

    private Bucket refilled(String client) {
        long now = nanos.getAsLong();
        Bucket b = buckets.get(client);
        if (b == null) {
            b = new Bucket(burst, now);
            buckets.put(client, b);
            return b;
        }
        b.units = Math.min(burst, b.units + (now - b.at) * unitsPerNano);
        b.at = now;
        return b;
    }
}
