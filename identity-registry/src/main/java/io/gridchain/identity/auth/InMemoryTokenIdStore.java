package io.gridchain.identity.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Token ids in memory until they expire, bounded like {@link InMemoryChallengeStore}. */
public final class InMemoryTokenIdStore implements TokenIdStore {
    private final ConcurrentMap<String, Instant> ids = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxSize;

    public InMemoryTokenIdStore(Clock clock, int maxSize) {
        this.clock = clock;
        this.maxSize = maxSize;
    }

    @Override
    public boolean add(String jti, Instant expiresAt) {
        if (ids.size() >= maxSize) {
            Instant now = clock.instant();
            ids.values().removeIf(exp -> !now.isBefore(exp));
            if (ids.size() >= maxSize) {
                return false;
            }
        }
        return ids.putIfAbsent(jti, expiresAt) == null;
    }

    @Override
    public boolean contains(String jti) {
        Instant exp = ids.get(jti);
        return exp != null && clock.instant().isBefore(exp);
    }
}
