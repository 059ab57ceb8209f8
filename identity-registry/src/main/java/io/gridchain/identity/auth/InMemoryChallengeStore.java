package io.gridchain.identity.auth;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Challenges in memory, bounded: when full, expired entries are dropped first and a new challenge is
 * refused if there is still no room (so a flood of requests cannot grow memory). Single use comes from
 * {@link ConcurrentMap#remove}: of two concurrent consumers of one nonce, exactly one gets it.
 */
public final class InMemoryChallengeStore implements ChallengeStore {
    private final ConcurrentMap<String, Challenge> challenges = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxSize;

    public InMemoryChallengeStore(Clock clock, int maxSize) {
        this.clock = clock;
        this.maxSize = maxSize;
    }

    @Override
    public boolean save(Challenge challenge) {
        if (challenges.size() >= maxSize) {
            dropExpired();
            if (challenges.size() >= maxSize) {
                return false;
            }
        }
        return challenges.putIfAbsent(challenge.nonce(), challenge) == null;
    }

    @Override
    public Optional<Challenge> consume(String nonce) {
        Challenge c = challenges.remove(nonce);
        if (c == null || !clock.instant().isBefore(c.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(c);
    }

    public int size() {
        return challenges.size();
    }

    private void dropExpired() {
        var now = clock.instant();
        challenges.values().removeIf(c -> !now.isBefore(c.expiresAt()));
    }
}
