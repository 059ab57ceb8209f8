package io.gridchain.consensus.sim;

import java.util.List;

/** The outcome of one run: its seed, what it was, what went wrong, and counters. */
record SimResult(long seed, Scenario scenario, List<Violation> violations, long minCommittedHeight, long simulatedMillis,
        long messagesDelivered, long inputsApplied, long evidenceFound, long signingRefusals, long restarts) {
    boolean ok() {
        return violations.isEmpty();
    }

    boolean has(Violation.Kind kind) {
        return violations.stream().anyMatch(v -> v.kind() == kind);
    }

    String describe() {
        return "seed " + seed + " " + scenario + "\n  min committed height " + minCommittedHeight + " at t=" + simulatedMillis
                + "ms, delivered " + messagesDelivered + ", evidence " + evidenceFound + ", refusals " + signingRefusals
                + ", restarts " + restarts + "\n  violations: "
                + (violations.size() > 5 ? violations.subList(0, 5) + " ..." : violations)
                + "\n  replay: consensus/sim.sh soak --seed " + seed + "   (or ./mvnw -B -q -pl consensus -am test"
                + " -Dtest=SimulationTest#replaySeed -Dsim.seed=" + seed + " -Dsurefire.failIfNoSpecifiedTests=false)";
    }
}
