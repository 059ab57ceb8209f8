package io.gridchain.node.bft;

/**
 * One run (incarnation) of a node's consensus loop on the simulation's scheduler. A crash is the end
 * of the incarnation: its queued tasks and timers never run; a {@link SimulatedCrash} thrown from a
 * crash point inside a task ends it the same way, halfway through that task.
 */
final class SimLoop implements ConsensusLoop {
    private final SimScheduler scheduler;
    private final Runnable onCrash;
    private boolean alive = true;

    SimLoop(SimScheduler scheduler, Runnable onCrash) {
        this.scheduler = scheduler;
        this.onCrash = onCrash;
    }

    @Override
    public void execute(Runnable task) {
        scheduler.after(0, () -> run(task));
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        scheduler.after(delayMillis, () -> run(task));
    }

    @Override
    public void every(Runnable task, long periodMillis) {
        scheduler.after(periodMillis, () -> {
            if (alive) {
                run(task);
                every(task, periodMillis);
            }
        });
    }

    private void run(Runnable task) {
        if (!alive) {
            return;
        }
        try {
            task.run();
        } catch (SimulatedCrash crash) {
            onCrash.run();
        }
    }

    boolean alive() {
        return alive;
    }

    /** The process is gone: nothing queued runs. */
    @Override
    public void close() {
        alive = false;
    }

    /** Thrown from a crash point: the node dies there. */
    static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }
}
