package io.gridchain.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.identity.auth.TokenIdStore.Added;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BoundedTokenIdStoreTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void anIdIsKeptUntilItExpiresAndOnlyOnce() {
        BoundedTokenIdStore store = BoundedTokenIdStore.inMemory(clock, 10, 100);
        Instant exp = clock.instant().plusSeconds(60);
        assertThat(store.add("a", "alice", exp)).isEqualTo(Added.ADDED);
        assertThat(store.add("a", "bob", exp)).isEqualTo(Added.ALREADY_PRESENT);
        assertThat(store.contains("a")).isTrue();
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.contains("a")).isFalse();
        assertThat(store.size()).isZero();
    }

    @Test
    void oneOwnerFillsOnlyItsOwnShare() {
        BoundedTokenIdStore store = BoundedTokenIdStore.inMemory(clock, 3, 100);
        Instant exp = clock.instant().plusSeconds(60);
        for (int i = 0; i < 3; i++) {
            assertThat(store.add("m" + i, "mallory", exp)).isEqualTo(Added.ADDED);
        }
        assertThat(store.add("m3", "mallory", exp)).isEqualTo(Added.OWNER_FULL);
        assertThat(store.add("a0", "alice", exp)).isEqualTo(Added.ADDED);
        clock.advance(Duration.ofSeconds(61));
        assertThat(store.add("m3", "mallory", exp.plusSeconds(60))).as("expired ids free the share").isEqualTo(Added.ADDED);
    }

    @Test
    void theWholeStoreIsBoundedToo() {
        BoundedTokenIdStore store = BoundedTokenIdStore.inMemory(clock, 10, 2);
        Instant exp = clock.instant().plusSeconds(60);
        store.add("a", "alice", exp);
        store.add("b", "bob", exp);
        assertThat(store.add("c", "carol", exp)).isEqualTo(Added.FULL);
    }

    @Test
    void aJournalBringsBackUnexpiredIdsAndForgetsExpiredOnes() {
        Map<String, Instant> kept = new HashMap<>();
        Map<String, String> owners = new HashMap<>();
        TokenIdJournal journal = new TokenIdJournal() {
            @Override
            public void put(String id, String owner, Instant expiresAt) {
                kept.put(id, expiresAt);
                owners.put(id, owner);
            }

            @Override
            public void remove(String id) {
                kept.remove(id);
            }

            @Override
            public void replay(Visitor visitor) {
                Map.copyOf(kept).forEach((id, exp) -> visitor.visit(id, owners.get(id), exp));
            }
        };
        BoundedTokenIdStore first = new BoundedTokenIdStore(clock, journal, 10, 100);
        first.add("short", "alice", clock.instant().plusSeconds(10));
        first.add("long", "alice", clock.instant().plusSeconds(100));
        clock.advance(Duration.ofSeconds(20));
        BoundedTokenIdStore second = new BoundedTokenIdStore(clock, journal, 10, 100);
        assertThat(second.contains("long")).isTrue();
        assertThat(second.contains("short")).isFalse();
        assertThat(kept).containsOnlyKeys("long");
        assertThat(second.add("long", "alice", clock.instant().plusSeconds(100))).isEqualTo(Added.ALREADY_PRESENT);
    }
}
