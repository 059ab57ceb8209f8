package io.gridchain.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class KeccakTest {
    @Test
    void knownDigests() {
        assertThat(Keccak.hash(new byte[0]).toHex())
                .isEqualTo("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThat(Keccak.hash("hello".getBytes(StandardCharsets.US_ASCII)).toHex())
                .isEqualTo("0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8");
    }

    /** Every length across the 136-byte block edges, whole and split into parts, against Bouncy Castle. */
    @Test
    void agreesWithBouncyCastleAtEveryLengthAndSplit() {
        Random random = new Random(7);
        for (int length = 0; length <= 3 * 136 + 1; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            byte[] expected = bouncyCastle(data);
            assertThat(Keccak.digest(data)).as("length %d", length).isEqualTo(expected);
            int cut1 = length == 0 ? 0 : random.nextInt(length + 1);
            int cut2 = cut1 + (length - cut1 == 0 ? 0 : random.nextInt(length - cut1 + 1));
            byte[] a = java.util.Arrays.copyOfRange(data, 0, cut1);
            byte[] b = java.util.Arrays.copyOfRange(data, cut1, cut2);
            byte[] c = java.util.Arrays.copyOfRange(data, cut2, length);
            assertThat(Keccak.hash(a, b, c).bytes()).as("length %d cut at %d and %d", length, cut1, cut2).isEqualTo(expected);
        }
    }

    /** Each thread has its own sponge: hashing on several threads at once gives the same digests. */
    @Test
    void threadsHashingAtOnceAgreeWithBouncyCastle() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                runs.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 2_000; i++) {
                        byte[] data = new byte[random.nextInt(300)];
                        random.nextBytes(data);
                        assertThat(Keccak.digest(data)).isEqualTo(bouncyCastle(data));
                    }
                    return seed;
                }));
            }
            for (java.util.concurrent.Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bouncyCastle(byte[] data) {
        KeccakDigest d = new KeccakDigest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
