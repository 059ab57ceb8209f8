package io.gridchain.core.state;

/** How one kind of state value becomes bytes and back; decoding of stored bytes trusts them. */
public interface StateCodec<V> {
    byte[] encode(V value);

    V decode(byte[] bytes);
}
