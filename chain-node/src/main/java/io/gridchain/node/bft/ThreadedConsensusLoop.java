package io.gridchain.node.bft;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The loop of a running node: one daemon thread taking tasks from a queue, and one timer thread. */
public final class ThreadedConsensusLoop implements ConsensusLoop {
    private static final Logger log = LoggerFactory.getLogger(ThreadedConsensusLoop.class);

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("consensus-timers"));
    private final Thread thread = daemon("consensus").newThread(this::run);
    private volatile boolean running = true;

    public ThreadedConsensusLoop() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                queue.take().run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("consensus step failed", e);
            }
        }
    }

    @Override
    public void execute(Runnable task) {
        queue.add(task);
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        try {
            timers.schedule(() -> execute(task), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            // the loop is closing: nothing runs after it anyway
        }
    }

    @Override
    public void every(Runnable task, long periodMillis) {
        timers.scheduleWithFixedDelay(() -> execute(task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** An interrupt could tear a WAL or guard write, so the step under way is let finish first. */
    @Override
    public void close() {
        timers.shutdownNow();
        queue.add(() -> running = false);
        try {
            thread.join(10_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
