package io.gridchain.core.crypto;

/** Keccak-256 as Ethereum uses it (the pre-standard padding, not SHA3-256). */
public final class Keccak {
    private Keccak() {}

    public static Hash32 hash(byte[] data) {
        return Hash32.wrap(digest(data));
    }

    public static Hash32 hash(byte[]... parts) {
        Keccak256 k = new Keccak256();
        for (byte[] p : parts) {
            k.update(p, 0, p.length);
        }
        return Hash32.wrap(k.digest());
    }

    public static byte[] digest(byte[] data) {
        Keccak256 k = new Keccak256();
        k.update(data, 0, data.length);
        return k.digest();
    }
}
