package io.gridchain.identity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateCodec;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.identity.model.HistoryEntry;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.Organization;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every state namespace this module owns. The node's proof endpoint proves any of them with
 * {@code IdentityState.IDENTITIES.key(name)} and friends.
 */
public final class IdentityState {
    private IdentityState() {}

    /** name → identity. */
    public static final StateMap<String, Identity> IDENTITIES =
            new StateMap<>("identity", IdentityState::utf8, codec(Identity::encode, Identity::decode));

    /** owner address → names of the identities it currently owns, sorted. */
    public static final StateMap<Address, List<String>> NAMES_BY_OWNER =
            new StateMap<>("identity-owner", Address::bytes, strings());

    /** name → every change to the identity, oldest first. */
    public static final StateMap<String, List<HistoryEntry>> HISTORY =
            new StateMap<>("identity-history", IdentityState::utf8, codec(IdentityState::encodeHistory,
                    IdentityState::decodeHistory));

    /** organization name → organization. */
    public static final StateMap<String, Organization> ORGANIZATIONS =
            new StateMap<>("identity-org", IdentityState::utf8, codec(Organization::encode, Organization::decode));

    /** organization name → every change to the organization, oldest first. */
    public static final StateMap<String, List<HistoryEntry>> ORG_HISTORY =
            new StateMap<>("identity-org-history", IdentityState::utf8, codec(IdentityState::encodeHistory,
                    IdentityState::decodeHistory));

    /** height → names whose pending owner rotation is due at the end of that block. */
    public static final StateMap<Long, List<String>> ROTATIONS_DUE =
            new StateMap<>("identity-rotation-due", h -> ByteBuffer.allocate(8).putLong(h).array(), strings());

    /** Appends one change to an identity's history. */
    public static void appendHistory(StateOverlay state, String name, HistoryEntry entry) {
        List<HistoryEntry> history = new ArrayList<>(HISTORY.get(state, name).orElse(List.of()));
        history.add(entry);
        HISTORY.put(state, name, history);
    }

    /** Adds or removes {@code name} under {@code owner} in the owner index. */
    public static void indexOwner(StateOverlay state, Address owner, String name, boolean add) {
        updateNameSet(state, NAMES_BY_OWNER, owner, name, add);
    }

    /** Adds or removes {@code name} from the rotations due at {@code dueHeight}. */
    public static void scheduleRotation(StateOverlay state, long dueHeight, String name, boolean add) {
        updateNameSet(state, ROTATIONS_DUE, dueHeight, name, add);
    }

    private static <K> void updateNameSet(StateOverlay state, StateMap<K, List<String>> map, K key, String name,
                                          boolean add) {
        TreeSet<String> names = new TreeSet<>(map.get(state, key).orElse(List.of()));
        if (add) {
            names.add(name);
        } else {
            names.remove(name);
        }
        if (names.isEmpty()) {
            map.delete(state, key);
        } else {
            map.put(state, key, List.copyOf(names));
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static <V> StateCodec<V> codec(Function<V, byte[]> encode, Function<byte[], V> decode) {
        return new StateCodec<>() {
            @Override
            public byte[] encode(V value) {
                return encode.apply(value);
            }

            @Override
            public V decode(byte[] bytes) {
                return decode.apply(bytes);
            }
        };
    }

    private static StateCodec<List<String>> strings() {
        return codec(list -> {
            List<byte[]> items = new ArrayList<>();
            list.forEach(s -> items.add(Rlp.string(s)));
            return Rlp.list(items);
        }, bytes -> {
            RlpReader r = RlpReader.ofList(bytes);
            List<String> out = new ArrayList<>();
            while (r.hasNext()) {
                out.add(r.string());
            }
            return List.copyOf(out);
        });
    }

    private static byte[] encodeHistory(List<HistoryEntry> entries) {
        List<byte[]> items = new ArrayList<>();
        entries.forEach(e -> items.add(e.encode()));
        return Rlp.list(items);
    }

    private static List<HistoryEntry> decodeHistory(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        List<HistoryEntry> out = new ArrayList<>();
        while (r.hasNext()) {
            out.add(HistoryEntry.decode(r));
        }
        return List.copyOf(out);
    }
}
