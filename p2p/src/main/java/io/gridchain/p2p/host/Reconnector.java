package io.gridchain.p2p.host;

import io.gridchain.p2p.multiaddr.Multiaddr;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps bootstrap peers connected: redials after a failure or a disconnect with exponential
 * backoff (min doubling up to max), reset after a successful connection.
 */
final class Reconnector {
  private static final Logger LOG = LoggerFactory.getLogger(Reconnector.class);
  private final Libp2pHost host;
  private final EventExecutor executor;
  private volatile boolean stopped;

  Reconnector(Libp2pHost host, EventExecutor executor) {
    this.host = host;
    this.executor = executor;
  }

  void keep(Multiaddr addr) {
    attempt(addr, host.config().reconnectMin());
  }

  private void attempt(Multiaddr addr, Duration backoff) {
    if (stopped || host.isClosed()) {
      return;
    }
    boolean connected = addr.peerId().flatMap(host::connection).isPresent();
    if (connected) {
      executor.schedule(() -> attempt(addr, host.config().reconnectMin()), host.config().reconnectMin().toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    host.dial(addr).whenComplete((c, e) -> {
      if (e == null) {
        LOG.debug("bootstrap peer {} connected", addr);
        schedule(addr, host.config().reconnectMin(), host.config().reconnectMin());
      } else {
        Duration next = backoff.multipliedBy(2).compareTo(host.config().reconnectMax()) > 0 ? host.config().reconnectMax() : backoff.multipliedBy(2);
        LOG.debug("bootstrap peer {} not reachable ({}); retry in {}", addr, e.getMessage(), backoff);
        schedule(addr, backoff, next);
      }
    });
  }

  private void schedule(Multiaddr addr, Duration delay, Duration nextBackoff) {
    if (!stopped && !executor.isShuttingDown()) {
      executor.schedule(() -> attempt(addr, nextBackoff), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  void stop() {
    stopped = true;
  }
}
