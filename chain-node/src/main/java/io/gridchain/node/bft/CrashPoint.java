package io.gridchain.node.bft;

/**
 * The moments between two durable steps of the driver where a crash leaves the most to recover:
 * the simulation stops a node at one of them and restarts it from what its disk kept. A running node
 * passes {@link Probe#NONE}.
 */
public enum CrashPoint {
    /** The input is in the WAL; the engine has not applied it. */
    AFTER_WAL_APPEND,
    /** The signing guard recorded a signature; the message has not been sent. */
    BEFORE_SEND,
    /** The block is committed to the store; post-commit work and the next height have not begun. */
    AFTER_COMMIT;

    /** Told each time the driver passes a crash point; the simulation throws from it to crash the node. */
    @FunctionalInterface
    public interface Probe {
        Probe NONE = point -> {};

        void reached(CrashPoint point);
    }
}
