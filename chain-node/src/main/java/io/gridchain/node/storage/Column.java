package io.gridchain.node.storage;

import java.util.Arrays;
import java.util.Optional;

/** A typed column: one prefix byte in the shared key space, a key codec and a value codec. */
public final class Column<K, V> {
    private final byte prefix;
    private final Codec<K> keys;
    private final Codec<V> values;

    public Column(char prefix, Codec<K> keys, Codec<V> values) {
        this.prefix = (byte) prefix;
        this.keys = keys;
        this.values = values;
    }

    public byte[] key(K key) {
        byte[] k = keys.encode(key);
        byte[] out = new byte[k.length + 1];
        out[0] = prefix;
        System.arraycopy(k, 0, out, 1, k.length);
        return out;
    }

    public K decodeKey(byte[] storedKey) {
        return keys.decode(Arrays.copyOfRange(storedKey, 1, storedKey.length));
    }

    public byte[] prefix() {
        return new byte[] {prefix};
    }

    public Optional<V> get(KeyValueStore store, K key) {
        return store.get(key(key)).map(values::decode);
    }

    public void put(KeyValueStore.WriteBatch batch, K key, V value) {
        batch.put(key(key), values.encode(value));
    }

    public void delete(KeyValueStore.WriteBatch batch, K key) {
        batch.delete(key(key));
    }

    public V decodeValue(byte[] bytes) {
        return values.decode(bytes);
    }
}
