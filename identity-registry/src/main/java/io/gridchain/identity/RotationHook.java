package io.gridchain.identity;

import io.gridchain.core.exec.BlockHook;
import io.gridchain.core.exec.BlockInfo;
import io.gridchain.core.state.StateOverlay;
import io.gridchain.core.tx.Event;
import io.gridchain.identity.model.HistoryEntry;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.IdentityStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * At the end of block h, carries out the owner rotations requested by recovery keys that fall due at h
 * and were not cancelled. The new owner is in force from height h + 1. A rotation of an identity that
 * is no longer active is dropped (and recorded as such).
 */
public final class RotationHook implements BlockHook {
    @Override
    public List<Event> endBlock(StateOverlay state, BlockInfo block) {
        long h = block.height();
        List<String> due = IdentityState.ROTATIONS_DUE.get(state, h).orElse(List.of());
        List<Event> events = new ArrayList<>();
        for (String name : due) {
            Optional<Identity> found = IdentityState.IDENTITIES.get(state, name);
            if (found.isEmpty() || found.get().pendingRotation().isEmpty()
                    || found.get().pendingRotation().get().dueHeight() != h) {
                continue;
            }
            Identity identity = found.get();
            Identity.PendingRotation pending = identity.pendingRotation().get();
            if (identity.status() != IdentityStatus.ACTIVE) {
                IdentityState.IDENTITIES.put(state, name, identity.withPendingRotation(Optional.empty()));
                IdentityState.appendHistory(state, name, new HistoryEntry(h, "owner-rotation-dropped",
                        "identity is " + identity.status().wireName()));
                continue;
            }
            IdentityState.IDENTITIES.put(state, name, identity.withOwner(pending.newOwner(), h + 1));
            IdentityState.indexOwner(state, identity.owner(), name, false);
            IdentityState.indexOwner(state, pending.newOwner(), name, true);
            IdentityState.appendHistory(state, name, new HistoryEntry(h + 1, "owner-rotated", identity.owner() + " -> " + pending.newOwner()
                    + " requested by recovery key " + pending.requestedBy()));
            events.add(Event.of("identity.owner-rotated", "name", name, "owner", pending.newOwner().toString()));
        }
        if (!due.isEmpty()) {
            IdentityState.ROTATIONS_DUE.delete(state, h);
        }
        return events;
    }
}
