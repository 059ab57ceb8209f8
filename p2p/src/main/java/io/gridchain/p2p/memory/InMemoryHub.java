package io.gridchain.p2p.memory;

import io.gridchain.p2p.PeerId;
import io.gridchain.p2p.crypto.KeyType;
import io.gridchain.p2p.crypto.PrivateKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The shared medium of in-memory networks: nodes join it and dial each other by peer id.
 * Deliveries run on the executor given (direct by default: a publish returns after every
 * reachable validator has run), so tests decide how asynchronous the network is.
 */
public final class InMemoryHub {
  private final Map<PeerId, InMemoryP2PNetwork> nodes = new ConcurrentHashMap<>();
  private final Executor executor;
  private final LinkFaults faults;

  /** Which gossip deliveries a test loses: asked once per message and link. */
  @FunctionalInterface
  public interface LinkFaults {
    LinkFaults NONE = (from, to, topic) -> false;

    boolean drops(PeerId from, PeerId to, String topic);
  }

  public InMemoryHub() {
    this(Runnable::run);
  }

  public InMemoryHub(Executor executor) {
    this(executor, LinkFaults.NONE);
  }

  public InMemoryHub(Executor executor, LinkFaults faults) {
    this.executor = executor;
    this.faults = faults;
  }

  /** A node with a fresh secp256k1 identity. */
  public InMemoryP2PNetwork newNode() {
    return newNode(PeerId.fromPublicKey(PrivateKey.generate(KeyType.SECP256K1).publicKey()));
  }

  public InMemoryP2PNetwork newNode(PeerId id) {
    InMemoryP2PNetwork n = new InMemoryP2PNetwork(this, id);
    if (nodes.putIfAbsent(id, n) != null) {
      throw new IllegalStateException("peer already in the hub: " + id);
    }
    return n;
  }

  Optional<InMemoryP2PNetwork> node(PeerId id) {
    return Optional.ofNullable(nodes.get(id));
  }

  void leave(PeerId id) {
    nodes.remove(id);
  }

  Executor executor() {
    return executor;
  }

  LinkFaults faults() {
    return faults;
  }
}
