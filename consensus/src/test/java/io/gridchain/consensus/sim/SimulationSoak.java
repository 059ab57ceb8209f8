package io.gridchain.consensus.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs many seeds of random scenarios (at most f Byzantine power) and prints progress and every
 * failing seed. Usage: {@code SimulationSoak [--seeds N] [--from S] [--seed S]}; with --seed it runs
 * one seed and prints its whole description.
 */
public final class SimulationSoak {
    private SimulationSoak() {}

    public static void main(String[] args) {
        long seeds = 100_000;
        long from = 1;
        Long single = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seeds" -> seeds = Long.parseLong(args[++i]);
                case "--from" -> from = Long.parseLong(args[++i]);
                case "--seed" -> single = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (single != null) {
            SimResult r = Simulation.run(single, Scenario.random(single));
            System.out.println((r.ok() ? "OK " : "FAIL ") + r.describe());
            System.exit(r.ok() ? 0 : 1);
        }
        long start = System.nanoTime();
        List<Long> failures = new ArrayList<>();
        long heights = 0;
        for (long s = from; s < from + seeds; s++) {
            SimResult r = Simulation.run(s, Scenario.random(s));
            heights += r.minCommittedHeight();
            if (!r.ok()) {
                failures.add(s);
                System.out.println("FAIL " + r.describe());
            }
            long done = s - from + 1;
            if (done % 5000 == 0 || done == seeds) {
                System.out.printf("%d/%d seeds, %d failures, %.1f s%n", done, seeds, failures.size(),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        System.out.printf("done: %d seeds from %d, %d failures %s, %d heights decided, %.1f s%n", seeds, from,
                failures.size(), failures, heights, (System.nanoTime() - start) / 1e9);
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
