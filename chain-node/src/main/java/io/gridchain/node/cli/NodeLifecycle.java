package io.gridchain.node.cli;

import io.gridchain.node.GridchainNode;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the process alive while the node runs and closes it cleanly on SIGINT or SIGTERM, saying so in
 * the log: which signal, at which height, and that the store was closed, so an operator reading the
 * log after a restart knows the node stopped by itself rather than crashed.
 */
final class NodeLifecycle {
    private static final Logger log = LoggerFactory.getLogger(NodeLifecycle.class);

    private NodeLifecycle() {}

    static void runUntilStopped(GridchainNode node) throws InterruptedException {
        AtomicReference<String> cause = new AtomicReference<>("the JVM exiting");
        for (String name : List.of("TERM", "INT")) {
            noteSignal(name, cause);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long height = node.ledger().head().height();
            log.info("stopping on {} at height {}", cause.get(), height);
            node.close();
            log.info("stopped cleanly at height {}: API, network and consensus stopped, store closed", height);
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
    }

    /**
     * Remembers that {@code name} arrived, then lets the JVM's own handler run (it starts the shutdown
     * hooks and exits with 128 + the signal number, as without this).
     */
    @SuppressWarnings("removal") // sun.misc.Signal is the only way to learn which signal stops the JVM
    private static void noteSignal(String name, AtomicReference<String> cause) {
        try {
            sun.misc.Signal signal = new sun.misc.Signal(name);
            sun.misc.SignalHandler[] previous = new sun.misc.SignalHandler[1];
            previous[0] = sun.misc.Signal.handle(signal, s -> {
                cause.set("SIG" + s.getName());
                try {
                    previous[0].handle(s);
                } catch (UnsupportedOperationException e) { // a native default handler (java -Xrs)
                    System.exit(128 + s.getNumber());
                }
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            log.debug("cannot watch SIG{} here: {}", name, e.getMessage());
        }
    }
}
