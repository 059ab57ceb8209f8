package io.gridchain.node.api;

import java.util.concurrent.Semaphore;

/** At most {@code permits} requests inside at once; one more is refused at once rather than queued. */
final class ConcurrencyGate {
    private final Semaphore permits;
    private final int size;

    ConcurrencyGate(int permits) {
        this.permits = new Semaphore(permits);
        this.size = permits;
    }

    boolean tryEnter() {
        return permits.tryAcquire();
    }

    void leave() {
        permits.release();
    }

    int size() {
        return size;
    }
}
