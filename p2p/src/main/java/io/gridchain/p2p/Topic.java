package io.gridchain.p2p;

import java.util.concurrent.CompletableFuture;

/** A subscribed topic. */
public interface Topic extends AutoCloseable {
  String name();

  /** Signs and sends data to the topic's peers; completes with how many peers it was sent to. */
  CompletableFuture<Integer> publish(byte[] data);

  /** Unsubscribes. */
  @Override
  void close();
}
