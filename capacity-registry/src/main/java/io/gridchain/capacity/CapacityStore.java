package io.gridchain.capacity;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every piece of state this module keeps, under namespaces starting with {@code capacity.}. The state
 * is a key-value map without range scans, so each index a query or the settlement needs is kept here
 * explicitly: farm names, nodes per farm, leases per tenant / node / (node, tenant), and the due index
 * (block second → leases whose next deadline is that second, with {@link DueCalendar} saying which
 * seconds have an entry).
 */
public final class CapacityStore {
    static final StateCodec<Long> LONG = new StateCodec<>() {
        @Override
        public byte[] encode(Long v) {
            return Rlp.list(Rlp.uint(v));
        }

        @Override
        public Long decode(byte[] bytes) {
            return RlpReader.ofList(bytes).uint64("value");
        }
    };

    private static final StateCodec<List<Long>> LONGS = new StateCodec<>() {
        @Override
        public byte[] encode(List<Long> v) {
            List<byte[]> items = new ArrayList<>(v.size());
            for (long x : v) {
                items.add(Rlp.uint(x));
            }
            return Rlp.list(items);
        }

        @Override
        public List<Long> decode(byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            List<Long> out = new ArrayList<>();
            while (r.hasNext()) {
                out.add(r.uint64("item"));
            }
            return out;
        }
    };

    static final StateMap<Long, Farm> FARMS = new StateMap<>("capacity.farm", CapacityStore::u64,
            codec(Farm::encode, Farm::decode));
    static final StateMap<String, Long> FARM_NAMES = new StateMap<>("capacity.farm-name", CapacityStore::utf8, LONG);
    static final StateMap<Address, GridNode> NODES = new StateMap<>("capacity.node", Address::bytes,
            codec(GridNode::encode, GridNode::decode));
    public static final StateMap<Long, Lease> LEASES = new StateMap<>("capacity.lease", CapacityStore::u64,
            codec(Lease::encode, Lease::decode));
    static final StateMap<String, Long> SEQUENCES = new StateMap<>("capacity.seq", CapacityStore::utf8, LONG);
    static final StateMap<Long, List<Long>> DUE = new StateMap<>("capacity.due", CapacityStore::u64, LONGS);
    static final StateMap<String, Long> CURSOR = new StateMap<>("capacity.cursor", CapacityStore::utf8, LONG);

    static final PagedIndex<Long> FARM_NODES = new PagedIndex<>("capacity.farm-nodes", CapacityStore::u64);
    static final PagedIndex<String> TENANT_LEASES = new PagedIndex<>("capacity.tenant-leases", CapacityStore::utf8);
    static final PagedIndex<Address> NODE_LEASES = new PagedIndex<>("capacity.node-leases", Address::bytes);
    static final PagedIndex<byte[]> NODE_TENANT_LEASES = new PagedIndex<>("capacity.node-tenant-leases", k -> k);

    private CapacityStore() {}

    /** The state key of a lease, whose Merkle proof the node serves. */
    public static Bytes leaseKey(long leaseId) {
        return LEASES.key(leaseId);
    }

    static long nextId(StateOverlay state, String sequence) {
        long next = SEQUENCES.get(state, sequence).orElse(0L) + 1;
        SEQUENCES.put(state, sequence, next);
        return next;
    }

    static Optional<Lease> lease(StateReader state, long id) {
        return LEASES.get(state, id);
    }

    static Optional<GridNode> node(StateReader state, Address id) {
        return NODES.get(state, id);
    }

    static Optional<Farm> farm(StateReader state, long id) {
        return FARMS.get(state, id);
    }

    /** Puts a newly opened lease into every index. */
    static void indexNewLease(StateOverlay state, Lease lease) {
        byte[] id = u64(lease.id());
        TENANT_LEASES.append(state, lease.tenant(), id);
        NODE_LEASES.append(state, lease.node(), id);
        NODE_TENANT_LEASES.append(state, nodeTenant(lease.node(), lease.tenant()), id);
        scheduleDeadline(state, lease);
    }

    /**
     * Files the lease under its next deadline second. An entry made stale by a later change is not
     * removed (that would rewrite a bucket on every top-up); the settlement skips entries whose lease
     * no longer has that deadline.
     */
    static void scheduleDeadline(StateOverlay state, Lease lease) {
        long due = lease.nextDeadline();
        if (due == Long.MAX_VALUE) {
            return;
        }
        fileDue(state, due, List.of(lease.id()));
    }

    /** Adds {@code ids} to the due entry of {@code second}, marking the second in the calendar when it is new. */
    static void fileDue(StateOverlay state, long second, List<Long> ids) {
        Optional<List<Long>> filed = DUE.get(state, second);
        List<Long> all = new ArrayList<>(filed.orElse(List.of()));
        all.addAll(ids);
        DUE.put(state, second, all);
        if (filed.isEmpty()) {
            DueCalendar.mark(state, second);
        }
    }

    /**
     * Deadlines filed during one end-of-block pass, written once per second-bucket at the end, so that
     * many leases moving to the same second (a burst entering grace together) cost one bucket write.
     */
    static final class DueBatch {
        private final java.util.Map<Long, List<Long>> adds = new java.util.TreeMap<>();

        void file(Lease lease) {
            long due = lease.nextDeadline();
            if (due != Long.MAX_VALUE) {
                adds.computeIfAbsent(due, k -> new ArrayList<>()).add(lease.id());
            }
        }

        void flush(StateOverlay state) {
            adds.forEach((due, ids) -> fileDue(state, due, ids));
            adds.clear();
        }
    }

    static byte[] nodeTenant(Address node, String tenant) {
        byte[] t = utf8(tenant);
        return ByteBuffer.allocate(20 + t.length).put(node.bytes()).put(t).array();
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static long readU64(byte[] b) {
        return ByteBuffer.wrap(b).getLong();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static <V> StateCodec<V> codec(java.util.function.Function<V, byte[]> enc,
                                           java.util.function.Function<byte[], V> dec) {
        return new StateCodec<>() {
            @Override
            public byte[] encode(V value) {
                return enc.apply(value);
            }

            @Override
            public V decode(byte[] bytes) {
                return dec.apply(bytes);
            }
        };
    }
}
