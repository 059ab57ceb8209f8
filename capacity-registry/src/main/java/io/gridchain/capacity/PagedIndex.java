package io.gridchain.capacity;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * An append-only list kept in the state in pages of {@value #PAGE} items, because the state has no
 * range scan. Appending rewrites one page and one counter, whatever the list's length; reading a window
 * touches only the pages it covers.
 */
final class PagedIndex<K> {
    static final int PAGE = 256;

    private final StateMap<byte[], Long> sizes;
    private final StateMap<byte[], List<byte[]>> pages;
    private final Function<K, byte[]> keyBytes;

    PagedIndex(String namespace, Function<K, byte[]> keyBytes) {
        this.keyBytes = keyBytes;
        this.sizes = new StateMap<>(namespace + ".size", k -> k, CapacityStore.LONG);
        this.pages = new StateMap<>(namespace + ".page", k -> k, new StateCodec<>() {
            @Override
            public byte[] encode(List<byte[]> items) {
                List<byte[]> enc = new ArrayList<>(items.size());
                for (byte[] item : items) {
                    enc.add(Rlp.bytes(item));
                }
                return Rlp.list(enc);
            }

            @Override
            public List<byte[]> decode(byte[] bytes) {
                RlpReader r = RlpReader.ofList(bytes);
                List<byte[]> items = new ArrayList<>();
                while (r.hasNext()) {
                    items.add(r.bytes());
                }
                return items;
            }
        });
    }

    long size(StateReader state, K key) {
        return sizes.get(state, lengthPrefixed(key)).orElse(0L);
    }

    void append(StateOverlay state, K key, byte[] item) {
        byte[] k = lengthPrefixed(key);
        long size = sizes.get(state, k).orElse(0L);
        byte[] pageKey = pageKey(k, size / PAGE);
        List<byte[]> page = new ArrayList<>(pages.get(state, pageKey).orElse(List.of()));
        page.add(item);
        pages.put(state, pageKey, page);
        sizes.put(state, k, size + 1);
    }

    /** Items from position {@code from} (0 = oldest) onwards, at most {@code limit}. */
    List<byte[]> read(StateReader state, K key, long from, int limit) {
        byte[] k = lengthPrefixed(key);
        long size = size(state, key);
        List<byte[]> out = new ArrayList<>();
        long i = Math.max(0, from);
        while (i < size && out.size() < limit) {
            List<byte[]> page = pages.get(state, pageKey(k, i / PAGE)).orElse(List.of());
            for (int j = (int) (i % PAGE); j < page.size() && out.size() < limit; j++) {
                out.add(page.get(j));
            }
            i = (i / PAGE + 1) * PAGE;
        }
        return out;
    }

    /** At most {@code limit} items, newest first. */
    List<byte[]> readNewestFirst(StateReader state, K key, int limit) {
        byte[] k = lengthPrefixed(key);
        long size = size(state, key);
        List<byte[]> out = new ArrayList<>();
        long page = size == 0 ? -1 : (size - 1) / PAGE;
        while (page >= 0 && out.size() < limit) {
            List<byte[]> items = pages.get(state, pageKey(k, page)).orElse(List.of());
            for (int j = items.size() - 1; j >= 0 && out.size() < limit; j--) {
                out.add(items.get(j));
            }
            page--;
        }
        return out;
    }

    private byte[] lengthPrefixed(K key) {
        byte[] raw = keyBytes.apply(key);
        return ByteBuffer.allocate(4 + raw.length).putInt(raw.length).put(raw).array();
    }

    private static byte[] pageKey(byte[] k, long page) {
        return ByteBuffer.allocate(k.length + 8).put(k).putLong(page).array();
    }
}
