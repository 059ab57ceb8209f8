package io.gridchain.identity.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Single-use ids in memory, mirrored to a {@link TokenIdJournal}, each forgotten once it expires. Ids
 * are dropped in expiry order from a priority queue, so adding costs O(log n) and never scans. Bounds:
 * {@code maxPerOwner} unexpired ids per owner (one identity cannot crowd out the others) and
 * {@code maxTotal} in all (memory). Operations take one lock: each is a few map operations.
 */
public final class BoundedTokenIdStore implements TokenIdStore {
    private record Entry(String id, String owner, Instant expiresAt) {}

    private final Clock clock;
    private final TokenIdJournal journal;
    private final int maxPerOwner;
    private final int maxTotal;
    private final Map<String, Entry> ids = new HashMap<>();
    private final Map<String, Integer> perOwner = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> a.expiresAt().compareTo(b.expiresAt()));

    public BoundedTokenIdStore(Clock clock, TokenIdJournal journal, int maxPerOwner, int maxTotal) {
        this.clock = clock;
        this.journal = journal;
        this.maxPerOwner = maxPerOwner;
        this.maxTotal = maxTotal;
        Instant now = clock.instant();
        journal.replay((id, owner, expiresAt) -> {
            if (now.isBefore(expiresAt) && !ids.containsKey(id)) {
                remember(new Entry(id, owner, expiresAt));
            } else {
                journal.remove(id);
            }
        });
    }

    /** A store that lives and dies with the process. */
    public static BoundedTokenIdStore inMemory(Clock clock, int maxPerOwner, int maxTotal) {
        return new BoundedTokenIdStore(clock, TokenIdJournal.NONE, maxPerOwner, maxTotal);
    }

    @Override
    public synchronized Added add(String id, String owner, Instant expiresAt) {
        dropExpired();
        if (ids.containsKey(id)) {
            return Added.ALREADY_PRESENT;
        }
        if (perOwner.getOrDefault(owner, 0) >= maxPerOwner) {
            return Added.OWNER_FULL;
        }
        if (ids.size() >= maxTotal) {
            return Added.FULL;
        }
        journal.put(id, owner, expiresAt);
        remember(new Entry(id, owner, expiresAt));
        return Added.ADDED;
    }

    @Override
    public synchronized boolean contains(String id) {
        Entry e = ids.get(id);
        return e != null && clock.instant().isBefore(e.expiresAt());
    }

    public synchronized int size() {
        dropExpired();
        return ids.size();
    }

    private void remember(Entry e) {
        ids.put(e.id(), e);
        perOwner.merge(e.owner(), 1, Integer::sum);
        byExpiry.add(e);
    }

    private void dropExpired() {
        Instant now = clock.instant();
        while (!byExpiry.isEmpty() && !now.isBefore(byExpiry.peek().expiresAt())) {
            Entry e = byExpiry.poll();
            ids.remove(e.id());
            perOwner.computeIfPresent(e.owner(), (o, n) -> n == 1 ? null : n - 1);
            journal.remove(e.id());
        }
    }
}
