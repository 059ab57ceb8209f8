package io.gridchain.core.crypto;

import io.gridchain.core.bytes.Hex;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Sign;

/**
 * A recoverable secp256k1 signature: 32-byte r, 32-byte s, and v ∈ {27, 28} (the recovery id + 27,
 * as Ethereum personal-sign uses it). Only low-s signatures exist as values of this type (EIP-2):
 * {@link #decode} refuses the high-s twin so that a signature has exactly one encoding.
 */
public final class Signature {
    public static final int LENGTH = 65;
    static final BigInteger N = Sign.CURVE_PARAMS.getN();
    static final BigInteger HALF_N = N.shiftRight(1);

    private final BigInteger r;
    private final BigInteger s;
    private final int recoveryId;

    private Signature(BigInteger r, BigInteger s, int recoveryId) {
        this.r = r;
        this.s = s;
        this.recoveryId = recoveryId;
    }

    static Signature fromLowS(BigInteger r, BigInteger s, int recoveryId) {
        return new Signature(r, s, recoveryId);
    }

    /** Decodes r ‖ s ‖ v; the reason names what is wrong. */
    public static Decoded decode(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            return new Decoded.Invalid("a signature is 65 bytes (r, s, v), got " + (bytes == null ? 0 : bytes.length));
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(bytes, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(bytes, 32, 64));
        int v = bytes[64] & 0xFF;
        if (v != 27 && v != 28) {
            return new Decoded.Invalid("signature v must be 27 or 28, got " + v);
        }
        if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0) {
            return new Decoded.Invalid("signature r or s is out of range");
        }
        if (s.compareTo(HALF_N) > 0) {
            return new Decoded.Invalid("signature s is in the upper half of the curve order (high-s, EIP-2)");
        }
        return new Decoded.Valid(new Signature(r, s, v - 27));
    }

    public static Decoded decodeHex(String hex) {
        try {
            return decode(Hex.decode(hex));
        } catch (IllegalArgumentException e) {
            return new Decoded.Invalid("signature: " + e.getMessage());
        }
    }

    /** The address whose key made this signature over {@code digest}, or empty if none can. */
    public java.util.Optional<Address> recoverSigner(Hash32 digest) {
        BigInteger publicKey = Secp256k1Backend.recover(r, s, recoveryId, digest.bytes());
        return java.util.Optional.ofNullable(publicKey).map(Address::fromPublicKey);
    }

    /** The 64-byte uncompressed public key (without the 0x04 prefix), as a number. */
    public java.util.Optional<BigInteger> recoverPublicKey(Hash32 digest) {
        return java.util.Optional.ofNullable(Secp256k1Backend.recover(r, s, recoveryId, digest.bytes()));
    }

    public byte[] bytes() {
        byte[] out = new byte[LENGTH];
        copyUnsigned(r, out, 0);
        copyUnsigned(s, out, 32);
        out[64] = (byte) (27 + recoveryId);
        return out;
    }

    public BigInteger r() {
        return r;
    }

    public BigInteger s() {
        return s;
    }

    public int v() {
        return 27 + recoveryId;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] raw = value.toByteArray();
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, offset + 32 - len, len);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signature x && r.equals(x.r) && s.equals(x.s) && recoveryId == x.recoveryId;
    }

    @Override
    public int hashCode() {
        return r.hashCode() * 31 + s.hashCode() + recoveryId;
    }

    @Override
    public String toString() {
        return Hex.encodePrefixed(bytes());
    }

    public sealed interface Decoded {
        record Valid(Signature signature) implements Decoded {}

        record Invalid(String reason) implements Decoded {}
    }
}
