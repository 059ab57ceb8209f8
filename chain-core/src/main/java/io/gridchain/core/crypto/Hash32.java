package io.gridchain.core.crypto;

import io.gridchain.core.bytes.Hex;
import java.util.Arrays;

/** A 32-byte hash. Immutable: the array never escapes without a copy. */
public final class Hash32 implements Comparable<Hash32> {
    public static final Hash32 ZERO = new Hash32(new byte[32]);

    private final byte[] bytes;
    private final int hashCode;

    private Hash32(byte[] bytes) {
        this.bytes = bytes;
        this.hashCode = Arrays.hashCode(bytes);
    }

    public static Hash32 of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        }
        return new Hash32(bytes.clone());
    }

    /** Takes ownership of {@code bytes}; for arrays the caller just made. */
    static Hash32 wrap(byte[] bytes) {
        return new Hash32(bytes);
    }

    public static Hash32 parse(String hex) {
        return of(Hex.decode(hex));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** Bit {@code i} counted from the most significant bit of byte 0. */
    public int bit(int i) {
        return (bytes[i >>> 3] >>> (7 - (i & 7))) & 1;
    }

    public byte byteAt(int i) {
        return bytes[i];
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    public String toHex() {
        return Hex.encodePrefixed(bytes);
    }

    @Override
    public int compareTo(Hash32 o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hash32 h && hashCode == h.hashCode && Arrays.equals(bytes, h.bytes);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
