package io.gridchain.identity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.state.StateMap;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.state.StateReader;
import java.util.Optional;

/**
 * Registrars: addresses that countersign registrations (when registration needs it) and may suspend
 * and restore identities. Set in genesis through {@link #add}; chain-core has no governance
 * transaction yet, so governance will call the same writer when it exists.
 */
public final class Registrars {
    /** A registrar: a label for people, and the height from which it acts. */
    public record Registrar(String label, long since) {}

    public static final StateMap<Address, Registrar> STATE = new StateMap<>("identity-registrar", Address::bytes,
            IdentityState.codec(r -> Rlp.list(Rlp.string(r.label()), Rlp.uint(r.since())), bytes -> {
                RlpReader r = RlpReader.ofList(bytes);
                Registrar reg = new Registrar(r.string(), r.uint64("since"));
                r.finish("registrar");
                return reg;
            }));

    private Registrars() {}

    public static void add(StateOverlay state, Address address, String label, long height) {
        STATE.put(state, address, new Registrar(label, height));
    }

    public static void remove(StateOverlay state, Address address) {
        STATE.delete(state, address);
    }

    public static Optional<Registrar> get(StateReader state, Address address) {
        return STATE.get(state, address);
    }

    public static boolean isRegistrar(StateReader state, Address address) {
        return STATE.get(state, address).isPresent();
    }
}
