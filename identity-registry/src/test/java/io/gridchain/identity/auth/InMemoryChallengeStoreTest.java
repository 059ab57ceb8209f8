package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryChallengeStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    private Challenge challenge(String nonce, Duration ttl) {
        return new Challenge(nonce, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", "node.example", 1337,
                "https://portal.example", clock.instant(), clock.instant().plus(ttl));
    }

    @Test
    void aNonceIsConsumedOnce() {
        InMemoryChallengeStore store = new InMemoryChallengeStore(clock, 10);
        assertThat(store.save(challenge("n1", Duration.ofMinutes(1)))).isTrue();
        assertThat(store.save(challenge("n1", Duration.ofMinutes(1)))).as("a nonce is never reissued").isFalse();
        assertThat(store.consume("n1")).isPresent();
        assertThat(store.consume("n1")).isEmpty();
        assertThat(store.consume("unknown")).isEmpty();
    }

    @Test
    void anExpiredNonceIsNotReturned() {
        InMemoryChallengeStore store = new InMemoryChallengeStore(clock, 10);
        store.save(challenge("n1", Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.consume("n1")).isEmpty();
    }

    @Test
    void theStoreIsBoundedAndMakesRoomByDroppingExpiredEntries() {
        InMemoryChallengeStore store = new InMemoryChallengeStore(clock, 2);
        assertThat(store.save(challenge("a", Duration.ofSeconds(10)))).isTrue();
        assertThat(store.save(challenge("b", Duration.ofMinutes(10)))).isTrue();
        assertThat(store.save(challenge("c", Duration.ofMinutes(10)))).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(store.save(challenge("c", Duration.ofMinutes(10)))).isTrue();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void ofConcurrentConsumersExactlyOneWins() throws Exception {
        InMemoryChallengeStore store = new InMemoryChallengeStore(clock, 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 50; round++) {
                String nonce = "nonce" + round;
                store.save(challenge(nonce, Duration.ofMinutes(1)));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.consume(nonce).isPresent();
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> r : results) {
                    winners += r.get(5, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
