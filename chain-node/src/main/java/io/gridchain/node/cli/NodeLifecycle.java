package io.gridchain.node.cli;

import io.gridchain.node.GridchainNode;
import java.util.concurrent.CountDownLatch;

/** Keeps the process alive while the node runs and closes it cleanly on SIGINT or SIGTERM. */
final class NodeLifecycle {
    private NodeLifecycle() {}

    static void runUntilStopped(GridchainNode node) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }
}
