package io.gridchain.p2p.interop;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for a condition that becomes true asynchronously (a network event). */
public final class Poll {
  private Poll() {}

  /** Returns the first non-null value of probe, or fails after timeout. */
  public static <T> T until(Supplier<T> probe, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T v = probe.get();
      if (v != null) {
        return v;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + timeout);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
