package io.gridchain.node.chain;

/**
 * Told of each block once it is committed (on disk and the head). Called on the committing thread, so
 * it must return quickly: hand work to another thread. A failing listener is logged and never undoes
 * or delays the commit.
 */
@FunctionalInterface
public interface BlockListener {
    void committed(long height);
}
