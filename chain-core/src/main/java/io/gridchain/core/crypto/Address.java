package io.gridchain.core.crypto;

import io.gridchain.core.bytes.Hex;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A 20-byte account address: the last 20 bytes of keccak256 of the 64-byte uncompressed public key.
 * Printed with the EIP-55 mixed-case checksum. Parsing accepts all-lowercase or all-uppercase hex (no
 * checksum, per EIP-55) and refuses mixed case whose checksum is wrong. A wrong checksum means a digit
 * or a letter's case was mistyped, and it cannot tell which: the refusal suggests no address, since the
 * checksummed form of the input is the checksummed form of the typo.
 */
public final class Address implements Comparable<Address> {
    private final byte[] bytes;
    private volatile String checksummed; // events and JSON print the same addresses many times; each costs a keccak
    /**
     * Printed forms across instances: a loaded node decodes the same senders and recipients again in
     * every transaction, and the events of each execution print them. Cleared when it reaches its bound.
     */
    private static final int MAX_PRINTED = 1 << 16;
    private static final Map<Address, String> PRINTED = new ConcurrentHashMap<>();

    public static final String MISTYPED = "address checksum (EIP-55) does not match: the address is likely mistyped; "
            + "copy it again from its source";

    private Address(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Address of(byte[] bytes) {
        if (bytes.length != 20) {
            throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
        }
        return new Address(bytes.clone());
    }

    public static Address fromPublicKey(BigInteger publicKey) {
        byte[] raw = new byte[64];
        byte[] key = publicKey.toByteArray();
        int copy = Math.min(key.length, 64);
        System.arraycopy(key, key.length - copy, raw, 64 - copy, copy);
        byte[] hash = Keccak.digest(raw);
        return new Address(Arrays.copyOfRange(hash, 12, 32));
    }

    /** The address of a 33-byte compressed secp256k1 public key; throws if the bytes are no curve point. */
    public static Address fromCompressedPublicKey(byte[] compressed) {
        if (compressed.length != 33) {
            throw new IllegalArgumentException("a compressed public key is 33 bytes, got " + compressed.length);
        }
        byte[] uncompressed = org.web3j.crypto.Sign.CURVE_PARAMS.getCurve().decodePoint(compressed).getEncoded(false);
        return fromPublicKey(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 65)));
    }

    /** Parses {@code 0x}-prefixed hex; the reason names what is wrong. */
    public static Parsed parse(String text) {
        if (text == null || !text.startsWith("0x") || text.length() != 42) {
            return new Parsed.Invalid("an address is 0x followed by 40 hex digits");
        }
        String digits = text.substring(2);
        byte[] raw;
        try {
            raw = Hex.decode(digits);
        } catch (IllegalArgumentException e) {
            return new Parsed.Invalid("address: " + e.getMessage());
        }
        Address address = new Address(raw);
        boolean mixedCase = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixedCase && !address.toString().equals(text)) {
            return new Parsed.Invalid(MISTYPED);
        }
        return new Parsed.Valid(address);
    }

    /** For trusted input such as constants in tests; throws on anything {@link #parse} refuses. */
    public static Address require(String text) {
        Parsed parsed = parse(text);
        if (parsed instanceof Parsed.Invalid invalid) {
            throw new IllegalArgumentException(invalid.reason());
        }
        return ((Parsed.Valid) parsed).address();
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** EIP-55: a hex letter is uppercase when the matching nibble of keccak(lowercase hex) is ≥ 8. */
    @Override
    public String toString() {
        String text = checksummed;
        if (text == null) {
            text = PRINTED.get(this);
            if (text == null) {
                text = checksum();
                if (PRINTED.size() >= MAX_PRINTED) {
                    PRINTED.clear();
                }
                PRINTED.put(this, text);
            }
            checksummed = text;
        }
        return text;
    }

    private String checksum() {
        String lower = Hex.encode(bytes);
        byte[] hash = Keccak.digest(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            out.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    @Override
    public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    public sealed interface Parsed {
        record Valid(Address address) implements Parsed {}

        record Invalid(String reason) implements Parsed {}

        default Optional<Address> toOptional() {
            return this instanceof Valid v ? Optional.of(v.address()) : Optional.empty();
        }
    }
}
