package io.gridchain.core.state;

import io.gridchain.core.bytes.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed view of one namespace of the state: keys are {@code namespace ‖ 0x00 ‖ key bytes}, values
 * use the map's codec. Every module declares its state this way (accounts, identities, leases, …).
 */
public final class StateMap<K, V> {
    private final byte[] prefix;
    private final Function<K, byte[]> keyBytes;
    private final StateCodec<V> codec;

    public StateMap(String namespace, Function<K, byte[]> keyBytes, StateCodec<V> codec) {
        byte[] ns = namespace.getBytes(StandardCharsets.US_ASCII);
        this.prefix = java.util.Arrays.copyOf(ns, ns.length + 1);
        this.keyBytes = keyBytes;
        this.codec = codec;
    }

    public Bytes key(K key) {
        return Bytes.concat(prefix, keyBytes.apply(key));
    }

    public Optional<V> get(StateReader state, K key) {
        return state.get(key(key)).map(codec::decode);
    }

    /** As {@link #get}, for a value the caller only adds to (see {@link StateReader#getToAddTo}). */
    public Optional<V> getToAddTo(StateReader state, K key) {
        return state.getToAddTo(key(key)).map(codec::decode);
    }

    public void put(StateOverlay state, K key, V value) {
        state.put(key(key), codec.encode(value));
    }

    public void delete(StateOverlay state, K key) {
        state.delete(key(key));
    }

    public boolean owns(Bytes rawKey) {
        return rawKey.startsWith(prefix);
    }

    public byte[] encodeValue(V value) {
        return codec.encode(value);
    }

    public V decodeValue(byte[] bytes) {
        return codec.decode(bytes);
    }
}
