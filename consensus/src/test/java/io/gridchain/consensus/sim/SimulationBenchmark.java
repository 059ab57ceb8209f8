package io.gridchain.consensus.sim;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Decided heights per second and messages processed per second with zero network delay, for 4, 16,
 * 64 and 128 honest validators. Signature checks at ingress, the WAL and certificate checks are off:
 * this measures the engines (all N of them, on one thread) and the simulator around them. Prints the
 * median of several measured rounds after a warm-up, plus what secp256k1 costs per operation for
 * scale. Usage: {@code SimulationBenchmark [rounds [validators]]}.
 */
public final class SimulationBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SimulationBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[][] cases = {{4, 20_000}, {16, 2_000}, {64, 150}, {128, 40}};
        System.out.println("Wall-clock rates, and in brackets the same per second of this thread's CPU time (the machine may be shared).");
        System.out.println("validators  heights/run  heights/s [cpu]        messages/s [cpu]          inputs/s [cpu]");
        String only = args.length > 1 ? args[1] : null;
        for (int[] c : cases) {
            int n = c[0];
            if (only != null && !only.equals(String.valueOf(n))) {
                continue;
            }
            int heights = c[1];
            Scenario s = Scenario.calm(n, heights);
            run(s); // warm-up
            double[] hps = new double[rounds];
            double[] mps = new double[rounds];
            double[] ips = new double[rounds];
            double[] cpuSecs = new double[rounds];
            double[] ratio = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                SimResult r = run(s);
                double secs = (System.nanoTime() - t0) / 1e9;
                cpuSecs[i] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
                ratio[i] = secs / cpuSecs[i];
                if (!r.ok() || r.minCommittedHeight() != heights) {
                    throw new IllegalStateException("benchmark run failed: " + r.describe());
                }
                hps[i] = heights / secs;
                mps[i] = r.messagesDelivered() / secs;
                ips[i] = r.inputsApplied() / secs;
            }
            double wallPerCpu = median(ratio);
            System.out.printf("%10d  %11d  %7.0f [%7.0f]  %9.0f [%9.0f]  %9.0f [%9.0f]%n", n, heights, median(hps),
                    median(hps) * wallPerCpu, median(mps), median(mps) * wallPerCpu, median(ips), median(ips) * wallPerCpu);
        }
        if (only == null) {
            secp256k1Costs();
        }
    }

    private static SimResult run(Scenario s) {
        return new Simulation(1, s, Simulation.Options.BENCHMARK).run();
    }

    private static void secp256k1Costs() {
        SigningKey key = SigningKey.fromPrivateKey(Keccak.hash(new byte[] {1}).bytes());
        int ops = 500;
        Signature sig = null;
        for (int i = 0; i < 50; i++) {
            key.sign(Keccak.hash(new byte[] {(byte) i})).recoverSigner(Hash32.ZERO);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            sig = key.sign(Keccak.hash(new byte[] {(byte) i}));
        }
        long t1 = System.nanoTime();
        Hash32 d = Keccak.hash(new byte[] {(byte) (ops - 1)});
        for (int i = 0; i < ops; i++) {
            sig.recoverSigner(d);
        }
        long t2 = System.nanoTime();
        System.out.printf("secp256k1 for scale (wall clock): sign %.0f us/op, recover %.0f us/op%n",
                (t1 - t0) / 1e3 / ops, (t2 - t1) / 1e3 / ops);
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
