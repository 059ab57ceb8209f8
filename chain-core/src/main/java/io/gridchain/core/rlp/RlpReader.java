package io.gridchain.core.rlp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict reader over the items of one RLP list. It refuses every non-canonical form: trailing
 * bytes, a length longer than the input, a length written with more bytes than needed, a long form
 * for a length that fits the short form, a single byte below 0x80 wrapped in a string header, and
 * integers with leading zeros. Each refusal is an {@link RlpException} that names the field.
 */
public final class RlpReader {
    private final byte[] data;
    private final int end;
    private int pos;
    private int index;

    private RlpReader(byte[] data, int start, int end) {
        this.data = data;
        this.pos = start;
        this.end = end;
    }

    /** Reads {@code encoded}, which must be exactly one list and nothing after it. */
    public static RlpReader ofList(byte[] encoded) {
        if (encoded.length == 0) {
            throw new RlpException("empty input where an RLP list was expected");
        }
        RlpReader top = new RlpReader(encoded, 0, encoded.length);
        RlpReader list = top.list();
        if (top.pos != encoded.length) {
            throw new RlpException((encoded.length - top.pos) + " trailing byte(s) after the RLP list");
        }
        return list;
    }

    public boolean hasNext() {
        return pos < end;
    }

    public RlpReader list() {
        Header h = header("list");
        if (!h.list) {
            throw new RlpException(where() + "expected a list, found a string");
        }
        pos = h.payloadEnd;
        index++;
        return new RlpReader(data, h.payloadStart, h.payloadEnd);
    }

    public byte[] bytes() {
        Header h = header("string");
        if (h.list) {
            throw new RlpException(where() + "expected a string, found a list");
        }
        pos = h.payloadEnd;
        index++;
        return Arrays.copyOfRange(data, h.payloadStart, h.payloadEnd);
    }

    public byte[] bytes(int exactLength, String field) {
        byte[] b = bytes();
        if (b.length != exactLength) {
            throw new RlpException(field + " must be " + exactLength + " bytes, got " + b.length);
        }
        return b;
    }

    /** The next item's complete encoding, header included, without interpreting it. */
    public byte[] rawItem() {
        int start = pos;
        Header h = header("item");
        pos = h.payloadEnd;
        index++;
        return Arrays.copyOfRange(data, start, h.payloadEnd);
    }

    /**
     * A UTF-8 string. Malformed UTF-8 is refused rather than replaced: a lenient decode maps many byte
     * strings to one value, so the value would re-encode to other bytes than were signed and hashed.
     */
    public String string() {
        String at = where();
        byte[] b = bytes();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RlpException(at + "string is not valid UTF-8");
        }
    }

    /** A non-negative integer that fits a signed long. */
    public long uint64(String field) {
        byte[] b = bytes();
        checkMinimalInteger(b, field);
        if (b.length > 8 || (b.length == 8 && b[0] < 0)) {
            throw new RlpException(field + " is too large for a 63-bit integer");
        }
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    public int uint32(String field) {
        long v = uint64(field);
        if (v > Integer.MAX_VALUE) {
            throw new RlpException(field + " is too large for a 31-bit integer");
        }
        return (int) v;
    }

    public BigInteger bigUint(String field, int maxBytes) {
        byte[] b = bytes();
        checkMinimalInteger(b, field);
        if (b.length > maxBytes) {
            throw new RlpException(field + " is longer than " + maxBytes + " bytes");
        }
        return new BigInteger(1, b);
    }

    public boolean bool(String field) {
        long v = uint64(field);
        if (v > 1) {
            throw new RlpException(field + " must be 0 or 1, got " + v);
        }
        return v == 1;
    }

    /** Call when every expected item has been read: refuses extra items. */
    public void finish(String what) {
        if (pos != end) {
            throw new RlpException(what + " has more items than expected");
        }
    }

    private static void checkMinimalInteger(byte[] b, String field) {
        if (b.length > 0 && b[0] == 0) {
            throw new RlpException(field + " has leading zero bytes (non-canonical integer)");
        }
    }

    private String where() {
        return "item " + index + ": ";
    }

    private record Header(boolean list, int payloadStart, int payloadEnd) {}

    private Header header(String expected) {
        if (pos >= end) {
            throw new RlpException(where() + "expected a " + expected + ", but the list has ended");
        }
        int prefix = data[pos] & 0xFF;
        if (prefix < 0x80) {
            return new Header(false, pos, pos + 1);
        }
        boolean list = prefix >= 0xC0;
        int base = list ? 0xC0 : 0x80;
        int shortLen = prefix - base;
        int payloadStart;
        long length;
        if (shortLen <= 55) {
            length = shortLen;
            payloadStart = pos + 1;
            if (!list && length == 1) {
                if (payloadStart >= end) {
                    throw new RlpException(where() + "truncated: string runs past the end of its list");
                }
                if ((data[payloadStart] & 0xFF) < 0x80) {
                    throw new RlpException(where() + "single byte below 0x80 must be encoded as itself");
                }
            }
        } else {
            int lenOfLen = shortLen - 55;
            if (pos + 1 + lenOfLen > end) {
                throw new RlpException(where() + "truncated: length runs past the end of the input");
            }
            if (data[pos + 1] == 0) {
                throw new RlpException(where() + "length has leading zero bytes (non-canonical)");
            }
            length = 0;
            for (int i = 0; i < lenOfLen; i++) {
                length = (length << 8) | (data[pos + 1 + i] & 0xFF);
            }
            if (length <= 55) {
                throw new RlpException(where() + "long-form length used for " + length + " bytes (non-canonical)");
            }
            payloadStart = pos + 1 + lenOfLen;
        }
        if (length > end - payloadStart) {
            throw new RlpException(where() + "truncated: " + expected + " of " + length + " bytes runs past the end of the input");
        }
        return new Header(list, payloadStart, payloadStart + (int) length);
    }
}
