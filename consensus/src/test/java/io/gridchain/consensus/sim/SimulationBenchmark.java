package io.gridchain.consensus.sim;

import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.crypto.Keccak;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;
import java.util.Arrays;

/**
 * Decided heights per second and messages processed per second with zero network delay, for 4, 16,
 * 64 and 128 honest validators. Signature checks at ingress, the WAL and certificate checks are off:
 * this measures the engines (all N of them, on one thread) and the simulator around them. Prints the
 * median of several measured rounds after a warm-up, plus what secp256k1 costs per operation for
 * scale. Usage: {@code SimulationBenchmark [rounds [validators]]}.
 */
public final class SimulationBenchmark {
    private SimulationBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int[][] cases = {{4, 20_000}, {16, 2_000}, {64, 150}, {128, 40}};
        System.out.println("validators  heights/run  heights/s(median)  messages/s(median)  inputs/s(median)");
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
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                SimResult r = run(s);
                double secs = (System.nanoTime() - t0) / 1e9;
                if (!r.ok() || r.minCommittedHeight() != heights) {
                    throw new IllegalStateException("benchmark run failed: " + r.describe());
                }
                hps[i] = heights / secs;
                mps[i] = r.messagesDelivered() / secs;
                ips[i] = r.inputsApplied() / secs;
            }
            System.out.printf("%10d  %11d  %17.0f  %18.0f  %16.0f%n", n, heights, median(hps), median(mps), median(ips));
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
        System.out.printf("secp256k1 for scale: sign %.0f us/op, recover %.0f us/op (one core, after %d warm-up ops)%n",
                (t1 - t0) / 1e3 / ops, (t2 - t1) / 1e3 / ops, 0);
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
