package io.gridchain.core.crypto;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the pre-standard padding, not SHA3-256). */
public final class Keccak {
    private Keccak() {}

    public static Hash32 hash(byte[] data) {
        return Hash32.wrap(digest(data));
    }

    public static Hash32 hash(byte[]... parts) {
        KeccakDigest d = new KeccakDigest(256);
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return Hash32.wrap(out);
    }

    public static byte[] digest(byte[] data) {
        KeccakDigest d = new KeccakDigest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
