package io.gridchain.core.rlp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Canonical RLP encoding. Every encoder returns the complete encoding of one item, so structures
 * compose as {@code Rlp.list(Rlp.uint(nonce), Rlp.bytes(data))}. Integers are big-endian with no
 * leading zeros; zero is the empty string. Decoding is {@link RlpReader}.
 */
public final class Rlp {
    private static final byte[] EMPTY_STRING = {(byte) 0x80};

    private Rlp() {}

    public static byte[] bytes(byte[] value) {
        if (value.length == 1 && (value[0] & 0xFF) < 0x80) {
            return value.clone();
        }
        return withHeader(0x80, value, value.length);
    }

    public static byte[] string(String value) {
        return bytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] uint(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned, got " + value);
        }
        if (value == 0) {
            return EMPTY_STRING.clone();
        }
        int len = 8 - Long.numberOfLeadingZeros(value) / 8;
        byte[] raw = new byte[len];
        for (int i = len - 1; i >= 0; i--) {
            raw[i] = (byte) value;
            value >>>= 8;
        }
        return bytes(raw);
    }

    public static byte[] uint(BigInteger value) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("RLP integers are unsigned");
        }
        if (value.signum() == 0) {
            return EMPTY_STRING.clone();
        }
        byte[] raw = value.toByteArray();
        if (raw[0] == 0) {
            raw = java.util.Arrays.copyOfRange(raw, 1, raw.length);
        }
        return bytes(raw);
    }

    public static byte[] bool(boolean value) {
        return uint(value ? 1 : 0);
    }

    /** A list of already-encoded items. */
    public static byte[] list(byte[]... encodedItems) {
        int total = 0;
        for (byte[] item : encodedItems) {
            total += item.length;
        }
        ByteArrayOutputStream payload = new ByteArrayOutputStream(total);
        for (byte[] item : encodedItems) {
            payload.writeBytes(item);
        }
        return withHeader(0xC0, payload.toByteArray(), total);
    }

    public static byte[] list(java.util.List<byte[]> encodedItems) {
        return list(encodedItems.toArray(new byte[0][]));
    }

    private static byte[] withHeader(int offset, byte[] payload, int length) {
        byte[] out;
        int pos;
        if (length <= 55) {
            out = new byte[1 + length];
            out[0] = (byte) (offset + length);
            pos = 1;
        } else {
            int lenOfLen = 4 - Integer.numberOfLeadingZeros(length) / 8;
            out = new byte[1 + lenOfLen + length];
            out[0] = (byte) (offset + 55 + lenOfLen);
            for (int i = lenOfLen; i >= 1; i--) {
                out[i] = (byte) (length >>> (8 * (lenOfLen - i)));
            }
            pos = 1 + lenOfLen;
        }
        System.arraycopy(payload, 0, out, pos, length);
        return out;
    }
}
