package io.gridchain.consensus.sim;

import io.gridchain.consensus.TimeoutConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything a simulation run is made of, all derived from a seed by {@link #random}, or written by
 * hand for a specific story. Times are simulated milliseconds.
 *
 * @param powers       voting power per validator index (the set used from height 1)
 * @param changedPowers powers from {@code changeHeight} on, or null for no change
 * @param nodes        the simulated processes; a TWIN validator has two
 * @param gst          global stabilisation time: from then on no loss and delays of at most {@code delayAfterGst}
 * @param partitions   each cuts the network into groups for a while (before GST)
 * @param crashes      honest nodes that crash and restart through their WAL and signing guard
 */
record Scenario(String name, long[] powers, long[] changedPowers, long changeHeight, List<NodeSpec> nodes, int heights,
        long gst, long delayBeforeGst, long delayAfterGst, double loss, double duplication, List<Partition> partitions,
        List<Crash> crashes, TimeoutConfig timeouts, long gossipInterval, long perHeightBound) {

    static final TimeoutConfig SIM_TIMEOUTS = new TimeoutConfig(300, 100, 150, 50, 150, 50);

    record NodeSpec(int validator, Behavior behavior) {}

    /** {@code groupOf[node]}: nodes in different groups cannot hear each other in [from, until). */
    record Partition(long from, long until, int[] groupOf) {
        boolean separates(int a, int b, long now) {
            return now >= from && now < until && groupOf[a] != groupOf[b];
        }
    }

    record Crash(int node, long at, long downFor, int tornBytes) {}

    /** The time after which the network is sound and every honest node is up. */
    long stableFrom() {
        long t = gst;
        for (Partition p : partitions) {
            t = Math.max(t, p.until());
        }
        for (Crash c : crashes) {
            t = Math.max(t, c.at() + c.downFor());
        }
        return t;
    }

    /** Termination bound: every height is decided by then, or the run fails. */
    long timeLimit() {
        return stableFrom() + heights * perHeightBound;
    }

    long byzantinePower(long[] p) {
        long sum = 0;
        boolean[] counted = new boolean[p.length];
        for (NodeSpec n : nodes) {
            if (n.behavior() != Behavior.HONEST && !counted[n.validator()]) {
                counted[n.validator()] = true;
                sum += p[n.validator()];
            }
        }
        return sum;
    }

    /** A random scenario with at most f Byzantine power; every property must hold for it. */
    static Scenario random(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = new int[] {4, 7, 10}[rnd.nextInt(3)];
        long[] powers = randomPowers(rnd, n);
        Behavior[] behaviors = new Behavior[n];
        Arrays.fill(behaviors, Behavior.HONEST);
        long total = Arrays.stream(powers).sum();
        long byz = 0;
        Behavior[] bad = {Behavior.SILENT, Behavior.TWIN, Behavior.DOUBLE_VOTE, Behavior.EQUIVOCATING_PROPOSER,
                Behavior.INVALID_VALUE};
        if (rnd.nextInt(4) != 0) {
            for (int i : shuffled(rnd, n)) {
                if (3 * (byz + powers[i]) < total && rnd.nextInt(3) != 0) {
                    behaviors[i] = bad[rnd.nextInt(bad.length)];
                    byz += powers[i];
                }
            }
        }
        long[] changed = null;
        long changeHeight = 0;
        if (rnd.nextInt(5) == 0) {
            long[] candidate = randomPowers(rnd, n);
            long candidateByz = 0;
            for (int i = 0; i < n; i++) {
                candidateByz += behaviors[i] == Behavior.HONEST ? 0 : candidate[i];
            }
            if (3 * candidateByz < Arrays.stream(candidate).sum()) {
                changed = candidate;
                changeHeight = 2 + rnd.nextInt(2);
            }
        }
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new NodeSpec(i, behaviors[i]));
            if (behaviors[i] == Behavior.TWIN) {
                nodes.add(new NodeSpec(i, Behavior.TWIN));
            }
        }
        long gst = rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(500, 4000);
        long delayBefore = rnd.nextLong(1, 400);
        long delayAfter = rnd.nextLong(1, 60);
        double loss = gst == 0 ? 0 : rnd.nextDouble() * 0.3;
        double dup = rnd.nextDouble() * 0.2;
        List<Partition> partitions = new ArrayList<>();
        int partitionCount = gst == 0 ? 0 : rnd.nextInt(3);
        for (int k = 0; k < partitionCount; k++) {
            long from = rnd.nextLong(0, gst);
            long until = rnd.nextLong(from, gst + 1);
            int groups = 2 + rnd.nextInt(2);
            int[] groupOf = new int[nodes.size()];
            for (int i = 0; i < groupOf.length; i++) {
                groupOf[i] = rnd.nextInt(groups);
            }
            partitions.add(new Partition(from, until, groupOf));
        }
        List<Crash> crashes = new ArrayList<>();
        int crashCount = rnd.nextInt(3);
        for (int k = 0; k < crashCount; k++) {
            int node = rnd.nextInt(nodes.size());
            if (nodes.get(node).behavior() != Behavior.HONEST) {
                continue;
            }
            long at = rnd.nextLong(0, Math.max(1, gst) + 2000);
            crashes.add(new Crash(node, at, rnd.nextLong(50, 2000), rnd.nextInt(3) == 0 ? rnd.nextInt(1, 20) : 0));
        }
        int heights = 3 + rnd.nextInt(3);
        return new Scenario("random", powers, changed, changeHeight, List.copyOf(nodes), heights, gst, delayBefore,
                delayAfter, loss, dup, List.copyOf(partitions), List.copyOf(crashes), SIM_TIMEOUTS, 250, 8000);
    }

    private static long[] randomPowers(SplittableRandom rnd, int n) {
        long[] powers = new long[n];
        boolean equal = rnd.nextBoolean();
        for (int i = 0; i < n; i++) {
            powers[i] = equal ? 10 : rnd.nextLong(1, 30);
        }
        return powers;
    }

    private static int[] shuffled(SplittableRandom rnd, int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** A calm network of honest validators with zero delay: the benchmark's setting. */
    static Scenario calm(int validators, int heights) {
        long[] powers = new long[validators];
        Arrays.fill(powers, 1);
        List<NodeSpec> nodes = new ArrayList<>();
        for (int i = 0; i < validators; i++) {
            nodes.add(new NodeSpec(i, Behavior.HONEST));
        }
        return new Scenario("calm-" + validators, powers, null, 0, nodes, heights, 0, 0, 0, 0, 0, List.of(), List.of(),
                SIM_TIMEOUTS, 1_000_000, 8000);
    }

    Scenario withHeights(int h) {
        return new Scenario(name, powers, changedPowers, changeHeight, nodes, h, gst, delayBeforeGst, delayAfterGst, loss,
                duplication, partitions, crashes, timeouts, gossipInterval, perHeightBound);
    }

    @Override
    public String toString() {
        return name + "(powers=" + Arrays.toString(powers) + ", nodes=" + nodes + ", heights=" + heights + ", gst=" + gst
                + ", delay=" + delayBeforeGst + "/" + delayAfterGst + ", loss=" + loss + ", dup=" + duplication
                + ", partitions=" + partitions.size() + ", crashes=" + crashes + ", change=" + Arrays.toString(changedPowers)
                + "@" + changeHeight + ")";
    }
}
