package io.gridchain.testnet.bench;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** This machine's secp256k1 public-key recovery rate, with the code the node uses, on every core. */
public final class RecoveryRate {
    private RecoveryRate() {}

    public static double perSecond(int threads, Duration duration) throws InterruptedException {
        SecureRandom random = new SecureRandom();
        List<Hash32> digests = new ArrayList<>();
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            SigningKey key = SigningKey.random(random);
            Hash32 digest = Keccak.hash(("message " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digests.add(digest);
            signatures.add(key.sign(digest));
        }
        LongAdder done = new LongAdder();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread w = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < deadline) {
                    int k = i++ % digests.size();
                    if (signatures.get(k).recoverSigner(digests.get(k)).isEmpty()) {
                        throw new IllegalStateException("a valid signature did not recover");
                    }
                    done.increment();
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.sum() / ((System.nanoTime() - started) / 1e9);
    }
}
