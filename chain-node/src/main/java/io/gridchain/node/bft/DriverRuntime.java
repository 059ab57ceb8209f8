package io.gridchain.node.bft;

import io.gridchain.consensus.signing.FileSignGuardStore;
import io.gridchain.consensus.signing.SignGuardStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * What a driver runs on besides the chain and the network: its loop and timers, its durable WAL and
 * signing guard, its clock, and the faults a test asks of it. A node passes real ones
 * ({@link #onDisk}); the simulation passes its scheduler, in-memory twins of the disk that survive its
 * crashes, and its virtual clock.
 */
public record DriverRuntime(ConsensusLoop loop, ConsensusLog wal, SignGuardStore guard, Clock clock,
                            CrashPoint.Probe crashProbe, Set<ByzantineBehaviour> byzantine) {
    public DriverRuntime {
        byzantine = Set.copyOf(byzantine);
    }

    /** A node's: a thread, the WAL and the guard in the data directory, and no faults unless asked for. */
    public static DriverRuntime onDisk(Path dataDir, Clock clock, Set<ByzantineBehaviour> byzantine) {
        return new DriverRuntime(new ThreadedConsensusLoop(), new WriteAheadLog(dataDir.resolve("consensus.wal")),
                new FileSignGuardStore(dataDir.resolve("sign-guard.json")), clock, CrashPoint.Probe.NONE, byzantine);
    }

    boolean is(ByzantineBehaviour b) {
        return byzantine.contains(b);
    }
}
