package io.gridchain.lightclient;

import io.gridchain.core.crypto.SigningKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Headers verified per second: adjacent verification of every height in turn (each a full certificate
 * check: one secp256k1 recovery per signature, plus the next-set Merkle proof), for 4, 10 and 32
 * validators, certificates signed beforehand and not timed. Prints the median of several rounds after a
 * warm-up, wall-clock and per second of this thread's CPU (the machine may be shared).
 * Not in the default suite (surefire runs {@code *Test} classes); run it with
 * {@code ./mvnw -B -o -pl light-client -am -Dtest=LightClientBenchmark -Dsurefire.failIfNoSpecifiedTests=false test}.
 */
public final class LightClientBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void headersPerSecond() {
        main(new String[] {System.getProperty("rounds", "5"), System.getProperty("heights", "300")});
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int heights = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        System.out.println("validators  headers/run  headers/s [cpu]");
        for (int n : new int[] {4, 10, 32}) {
            List<SigningKey> keys = GeneratedChain.keys(0, n);
            GeneratedChain chain = new GeneratedChain(heights, h -> GeneratedChain.set(keys, 10),
                    GeneratedChain.byAddress(keys), Long.MAX_VALUE, "");
            List<LightBlock> blocks = new ArrayList<>();
            for (long h = 1; h <= heights; h++) {
                blocks.add(chain.block(h));
            }
            LightVerifier verifier = new LightVerifier(TrustOptions.of(TrustOptions.FOREVER));
            Instant now = Instant.ofEpochMilli(chain.header(heights).timestampMillis());
            run(verifier, chain.genesis(), blocks, now); // warm-up
            double[] wall = new double[rounds];
            double[] cpu = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                run(verifier, chain.genesis(), blocks, now);
                wall[r] = heights / ((System.nanoTime() - t0) / 1e9);
                cpu[r] = heights / ((THREADS.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            System.out.printf("%10d  %11d  %9.0f [%.0f]%n", n, heights, median(wall), median(cpu));
        }
    }

    private static void run(LightVerifier verifier, TrustedBlock root, List<LightBlock> blocks, Instant now) {
        TrustedBlock trusted = root;
        for (LightBlock b : blocks) {
            LightVerifier.Step step = verifier.verify(trusted, b, now);
            if (!(step instanceof LightVerifier.Step.Accepted a)) {
                throw new IllegalStateException("height " + b.height() + ": " + step);
            }
            trusted = a.block();
        }
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

}
