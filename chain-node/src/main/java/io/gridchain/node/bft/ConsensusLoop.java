package io.gridchain.node.bft;

/**
 * Where the consensus of a node happens: one sequence of tasks, run one at a time, and timers that
 * add tasks to it later. Everything that reads or changes consensus state runs as such a task, so
 * none of it needs a lock. A node runs {@link ThreadedConsensusLoop}; the simulation runs every
 * node's loop on one seeded scheduler, so a run replays exactly from its seed.
 */
public interface ConsensusLoop extends AutoCloseable {
    /** Runs task after the tasks already queued; callable from any thread. */
    void execute(Runnable task);

    /** Queues task once delayMillis have passed. */
    void schedule(Runnable task, long delayMillis);

    /** Queues task every periodMillis, first after periodMillis. */
    void every(Runnable task, long periodMillis);

    /** Lets the task under way finish, then runs no more. */
    @Override
    void close();
}
