package io.gridchain.core.crypto;

/** Keccak-256 as Ethereum uses it (the pre-standard padding, not SHA3-256). */
public final class Keccak {
    /**
     * One sponge per thread, reset before each use: a block's state commitment hashes every Merkle
     * node it builds, and a fresh sponge per hash (370 bytes) was the largest site in a loaded
     * validator's allocation samples.
     */
    private static final ThreadLocal<Keccak256> SPONGE = ThreadLocal.withInitial(Keccak256::new);

    private Keccak() {}

    public static Hash32 hash(byte[] data) {
        return Hash32.wrap(digest(data));
    }

    public static Hash32 hash(byte[]... parts) {
        Keccak256 k = sponge();
        for (byte[] p : parts) {
            k.update(p, 0, p.length);
        }
        return Hash32.wrap(k.digest());
    }

    public static byte[] digest(byte[] data) {
        Keccak256 k = sponge();
        k.update(data, 0, data.length);
        return k.digest();
    }

    private static Keccak256 sponge() {
        Keccak256 k = SPONGE.get();
        k.reset();
        return k;
    }
}
