package io.gridchain.node.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridchain.core.bytes.Bytes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class LatestStateCacheTest {
    private static final Bytes KEY = Bytes.of(new byte[] {1});
    private final Map<Bytes, byte[]> store = new HashMap<>();
    private final AtomicInteger storeReads = new AtomicInteger();
    private final Function<Bytes, Optional<byte[]>> reader = k -> {
        storeReads.incrementAndGet();
        return Optional.ofNullable(store.get(k));
    };

    private void commit(LatestStateCache cache, Bytes key, byte[] value) {
        if (value == null) {
            store.remove(key);
        } else {
            store.put(key, value);
        }
        cache.committed(Map.of(key, Optional.ofNullable(value)));
    }

    @Test
    void valuesAndAbsencesAreReadFromTheStoreOnceThenFollowCommits() {
        LatestStateCache cache = new LatestStateCache(1 << 20);
        assertThat(cache.get(KEY, reader)).isEmpty();
        assertThat(cache.get(KEY, reader)).isEmpty();
        assertThat(storeReads).hasValue(1);

        commit(cache, KEY, new byte[] {7});
        assertThat(cache.get(KEY, reader)).hasValueSatisfying(v -> assertThat(v).containsExactly(7));
        commit(cache, KEY, null);
        assertThat(cache.get(KEY, reader)).isEmpty();
        assertThat(storeReads).hasValue(1);
    }

    /**
     * A lookup reads the old value from the store, a commit changes it before the lookup files what it
     * read: the cache must not keep the old value, or every later read would see it.
     */
    @Test
    void aValueReadWhileACommitChangedItIsNotKept() {
        LatestStateCache cache = new LatestStateCache(1 << 20);
        store.put(KEY, new byte[] {1});
        Optional<byte[]> raced = cache.get(KEY, k -> {
            Optional<byte[]> old = reader.apply(k);
            commit(cache, KEY, new byte[] {2});
            return old;
        });
        assertThat(raced).hasValueSatisfying(v -> assertThat(v).containsExactly(1));
        assertThat(cache.get(KEY, reader)).hasValueSatisfying(v -> assertThat(v).containsExactly(2));
    }

    /** Each entry here costs its 1-byte key, its 100-byte value and the overhead; two fit, not three. */
    @Test
    void theLeastRecentlyUsedEntriesMakeWayBeyondTheByteBudget() {
        LatestStateCache cache = new LatestStateCache(2 * (1 + 100 + 96));
        Bytes a = Bytes.of(new byte[] {'a'});
        Bytes b = Bytes.of(new byte[] {'b'});
        Bytes c = Bytes.of(new byte[] {'c'});
        for (Bytes k : new Bytes[] {a, b, c}) {
            store.put(k, new byte[100]);
        }
        cache.get(a, reader);
        cache.get(b, reader);
        cache.get(a, reader);
        cache.get(c, reader);
        assertThat(storeReads).hasValue(3);
        cache.get(a, reader);
        assertThat(storeReads).hasValue(3);
        cache.get(b, reader);
        assertThat(storeReads).hasValue(4);

        commit(cache, c, new byte[300]);
        assertThat(cache.get(c, reader)).hasValueSatisfying(v -> assertThat(v).hasSize(300));
        assertThat(storeReads).as("an entry larger than the budget is not kept").hasValue(5);
        cache.get(b, reader);
        assertThat(storeReads).as("and it pushed out the others").hasValue(6);
    }
}
