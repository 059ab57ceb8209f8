package io.gridchain.p2p.gossipsub;

import io.gridchain.p2p.PeerId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/** Mesh, fanout and backoff bookkeeping per topic; pure data, driven by the router thread. */
final class MeshState {
  private final GossipsubParams params;
  private final Map<String, Set<PeerId>> mesh = new HashMap<>();
  private final Map<String, Set<PeerId>> fanout = new HashMap<>();
  private final Map<String, Long> fanoutLastPublish = new HashMap<>();
  private final Map<String, Map<PeerId, Long>> backoff = new HashMap<>();

  MeshState(GossipsubParams params) {
    this.params = params;
  }

  Set<PeerId> mesh(String topic) {
    return new HashSet<>(mesh.getOrDefault(topic, Set.of()));
  }

  boolean inMesh(String topic, PeerId p) {
    return mesh.getOrDefault(topic, Set.of()).contains(p);
  }

  /** Creates the topic's mesh from fanout peers, then candidates; returns the peers to GRAFT. */
  List<PeerId> join(String topic, List<PeerId> candidates) {
    Set<PeerId> m = mesh.computeIfAbsent(topic, t -> new HashSet<>());
    Set<PeerId> fromFanout = fanout.remove(topic);
    fanoutLastPublish.remove(topic);
    if (fromFanout != null) {
      fromFanout.stream().filter(candidates::contains).limit(params.d()).forEach(m::add);
    }
    List<PeerId> pool = new ArrayList<>(candidates);
    pool.removeIf(p -> m.contains(p) || inBackoff(topic, p));
    Collections.shuffle(pool);
    for (PeerId p : pool) {
      if (m.size() >= params.d()) {
        break;
      }
      m.add(p);
    }
    return new ArrayList<>(m);
  }

  /** Drops the topic's mesh; returns the peers to PRUNE (each put in backoff). */
  List<PeerId> leave(String topic) {
    Set<PeerId> m = mesh.remove(topic);
    if (m == null) {
      return List.of();
    }
    m.forEach(p -> addBackoff(topic, p, params.pruneBackoff().toNanos()));
    return new ArrayList<>(m);
  }

  void graft(String topic, PeerId p) {
    mesh.computeIfAbsent(topic, t -> new HashSet<>()).add(p);
  }

  void prune(String topic, PeerId p, long backoffNanos) {
    Set<PeerId> m = mesh.get(topic);
    if (m != null) {
      m.remove(p);
    }
    addBackoff(topic, p, backoffNanos);
  }

  void removePeer(PeerId p) {
    mesh.values().forEach(s -> s.remove(p));
    fanout.values().forEach(s -> s.remove(p));
  }

  void removeFromTopic(String topic, PeerId p) {
    Set<PeerId> m = mesh.get(topic);
    if (m != null) {
      m.remove(p);
    }
    Set<PeerId> f = fanout.get(topic);
    if (f != null) {
      f.remove(p);
    }
  }

  /** The fanout peers for publishing to a topic we are not in, topped up to D. */
  Set<PeerId> fanout(String topic, List<PeerId> candidates) {
    Set<PeerId> f = fanout.computeIfAbsent(topic, t -> new HashSet<>());
    f.retainAll(candidates);
    List<PeerId> pool = new ArrayList<>(candidates);
    pool.removeAll(f);
    Collections.shuffle(pool);
    for (PeerId p : pool) {
      if (f.size() >= params.d()) {
        break;
      }
      f.add(p);
    }
    fanoutLastPublish.put(topic, System.nanoTime());
    return new HashSet<>(f);
  }

  Set<String> fanoutTopics() {
    return new HashSet<>(fanout.keySet());
  }

  Set<PeerId> fanoutPeers(String topic) {
    return new HashSet<>(fanout.getOrDefault(topic, Set.of()));
  }

  void expireFanout() {
    long now = System.nanoTime();
    fanoutLastPublish.entrySet().removeIf(e -> {
      boolean old = now - e.getValue() > params.fanoutTtl().toNanos();
      if (old) {
        fanout.remove(e.getKey());
      }
      return old;
    });
  }

  boolean inBackoff(String topic, PeerId p) {
    Long until = backoff.getOrDefault(topic, Map.of()).get(p);
    return until != null && until - System.nanoTime() > 0;
  }

  void addBackoff(String topic, PeerId p, long nanos) {
    long until = System.nanoTime() + nanos;
    backoff.computeIfAbsent(topic, t -> new HashMap<>()).merge(p, until, Math::max);
  }

  void expireBackoff(long now) {
    backoff.values().forEach(m -> m.values().removeIf(until -> until - now <= 0));
    backoff.values().removeIf(Map::isEmpty);
  }

  int backoffTopics() {
    return backoff.size();
  }

  /**
   * Heartbeat maintenance of one topic: drop negatively scored peers, graft up to D below D_lo,
   * prune down to D above D_hi (keeping D_out outbound peers), and keep D_out outbound peers.
   * GRAFT and PRUNE go to outbox.
   */
  void maintain(String topic, List<PeerId> candidates, ToDoubleFunction<PeerId> score,
      Predicate<PeerId> outbound, Map<PeerId, GossipRpc> outbox) {
    Set<PeerId> m = mesh.computeIfAbsent(topic, t -> new HashSet<>());
    for (PeerId p : new ArrayList<>(m)) {
      if (score.applyAsDouble(p) < 0) {
        pruneTo(outbox, topic, p);
      }
    }
    if (m.size() < params.dLo()) {
      graftFrom(outbox, topic, candidates, params.d() - m.size(), p -> true);
    }
    if (m.size() > params.dHi()) {
      shrink(outbox, topic, outbound);
    }
    long outboundCount = m.stream().filter(outbound).count();
    if (outboundCount < params.dOut()) {
      graftFrom(outbox, topic, candidates, (int) (params.dOut() - outboundCount), outbound);
    }
  }

  private void shrink(Map<PeerId, GossipRpc> outbox, String topic, Predicate<PeerId> outbound) {
    List<PeerId> members = new ArrayList<>(mesh.get(topic));
    Collections.shuffle(members);
    List<PeerId> keep = new ArrayList<>(members.stream().filter(outbound).limit(params.dOut()).toList());
    for (PeerId p : members) {
      if (keep.size() >= params.d()) {
        break;
      }
      if (!keep.contains(p)) {
        keep.add(p);
      }
    }
    for (PeerId p : members) {
      if (!keep.contains(p)) {
        pruneTo(outbox, topic, p);
      }
    }
  }

  private void graftFrom(Map<PeerId, GossipRpc> outbox, String topic, List<PeerId> candidates, int n, Predicate<PeerId> filter) {
    Set<PeerId> m = mesh.get(topic);
    List<PeerId> pool = new ArrayList<>(candidates);
    pool.removeIf(p -> m.contains(p) || inBackoff(topic, p) || !filter.test(p));
    Collections.shuffle(pool);
    for (PeerId p : pool.subList(0, Math.min(n, pool.size()))) {
      m.add(p);
      outbox.computeIfAbsent(p, x -> GossipRpc.empty()).graft().add(topic);
    }
  }

  private void pruneTo(Map<PeerId, GossipRpc> outbox, String topic, PeerId p) {
    prune(topic, p, params.pruneBackoff().toNanos());
    outbox.computeIfAbsent(p, x -> GossipRpc.empty()).prune().add(new GossipRpc.Prune(topic, params.pruneBackoff().toSeconds()));
  }
}
