package io.gridchain.node.storage;

import io.gridchain.core.crypto.Hash32;
import java.nio.ByteBuffer;
import java.util.function.Function;

/** How a stored key or value becomes bytes. */
public interface Codec<T> {
    byte[] encode(T value);

    T decode(byte[] bytes);

    static <T> Codec<T> of(Function<T, byte[]> encode, Function<byte[], T> decode) {
        return new Codec<>() {
            @Override
            public byte[] encode(T value) {
                return encode.apply(value);
            }

            @Override
            public T decode(byte[] bytes) {
                return decode.apply(bytes);
            }
        };
    }

    /** Big-endian, so that keys sort by number. */
    Codec<Long> HEIGHT = of(h -> ByteBuffer.allocate(8).putLong(h).array(), b -> ByteBuffer.wrap(b).getLong());
    Codec<Hash32> HASH = of(Hash32::bytes, Hash32::of);
    Codec<byte[]> RAW = of(b -> b, b -> b);
}
