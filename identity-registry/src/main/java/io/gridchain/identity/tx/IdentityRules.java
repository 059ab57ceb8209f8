package io.gridchain.identity.tx;

import static io.gridchain.identity.tx.IdentityRejections.INVALID_METADATA;
import static io.gridchain.identity.tx.IdentityRejections.INVALID_NAME;
import static io.gridchain.identity.tx.IdentityRejections.KEY_ALREADY_REVOKED;
import static io.gridchain.identity.tx.IdentityRejections.KEY_EXISTS;
import static io.gridchain.identity.tx.IdentityRejections.KEY_NOT_FOUND;
import static io.gridchain.identity.tx.IdentityRejections.NAME_TAKEN;
import static io.gridchain.identity.tx.IdentityRejections.NOT_AUTHORIZED;
import static io.gridchain.identity.tx.IdentityRejections.NOT_REGISTRAR;
import static io.gridchain.identity.tx.IdentityRejections.NOT_SUSPENDED;
import static io.gridchain.identity.tx.IdentityRejections.NO_PENDING_ROTATION;
import static io.gridchain.identity.tx.IdentityRejections.REGISTRAR_SIGNATURE_INVALID;
import static io.gridchain.identity.tx.IdentityRejections.REGISTRAR_SIGNATURE_REQUIRED;
import static io.gridchain.identity.tx.IdentityRejections.ROTATION_PENDING;
import static io.gridchain.identity.tx.IdentityRejections.TOO_MANY_KEYS;
import static io.gridchain.identity.tx.Ledger.refuse;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.identity.IdentityParams;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.RegistrationDigest;
import io.gridchain.identity.Registrars;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.IdentityKey;
import io.gridchain.identity.model.IdentityStatus;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.Names;
import io.gridchain.identity.model.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of the identity transactions. A change made in block h is in force at height h. */
final class IdentityRules {
    private IdentityRules() {}

    static TxOutcome register(Ledger l, Payloads.Register p) {
        Names.identityNameProblem(p.name()).ifPresent(problem -> {
            throw refuse(INVALID_NAME, problem);
        });
        if (IdentityState.IDENTITIES.get(l.state, p.name()).isPresent()) {
            throw refuse(NAME_TAKEN, "the name '" + p.name() + "' is taken");
        }
        requireValid(p.metadata());
        Optional<Address> registrar = countersigner(l, p);
        l.chargeFee(l.params().registrationFee(), "registration");
        l.save(Identity.registered(p.name(), l.sender(), p.metadata(), l.height()));
        IdentityState.indexOwner(l.state, l.sender(), p.name(), true);
        String by = registrar.map(r -> ", countersigned by registrar " + r).orElse("");
        l.record(p.name(), "registered", "owner " + l.sender() + by);
        return TxOutcome.applied(Event.of("identity.registered", "name", p.name(), "owner", l.sender().toString()));
    }

    /** The registrar that countersigned, if any; a present signature must be a registrar's. */
    private static Optional<Address> countersigner(Ledger l, Payloads.Register p) {
        if (p.registrarSignature().length() == 0) {
            if (l.params().registrationMode() == IdentityParams.RegistrationMode.REGISTRAR) {
                throw refuse(REGISTRAR_SIGNATURE_REQUIRED, "registration on this chain needs a registrar's countersignature");
            }
            return Optional.empty();
        }
        Signature.Decoded decoded = Signature.decode(p.registrarSignature().toArray());
        if (decoded instanceof Signature.Decoded.Invalid invalid) {
            throw refuse(REGISTRAR_SIGNATURE_INVALID, "registrar signature: " + invalid.reason());
        }
        Signature sig = ((Signature.Decoded.Valid) decoded).signature();
        Optional<Address> signer = sig.recoverSigner(
                RegistrationDigest.of(l.ctx.chainId(), p.name(), l.sender(), p.metadata()));
        if (signer.isEmpty() || !Registrars.isRegistrar(l.state, signer.get())) {
            throw refuse(REGISTRAR_SIGNATURE_INVALID, "the countersignature is not by a registrar of this chain"
                    + " over this registration (name, owner, metadata, chain id)");
        }
        return signer;
    }

    static TxOutcome addKey(Ledger l, Payloads.AddKey p) {
        Identity identity = l.owned(p.name());
        Ledger.requireStatus(identity, IdentityStatus.ACTIVE);
        if (identity.activeKey(p.key()).isPresent()) {
            throw refuse(KEY_EXISTS, "key " + p.key() + " is already an active key of '" + p.name() + "'");
        }
        if (identity.keys().size() >= Identity.MAX_KEYS) {
            throw refuse(TOO_MANY_KEYS, "an identity holds at most " + Identity.MAX_KEYS + " keys, revoked ones included");
        }
        l.chargeUpdateFee();
        List<IdentityKey> keys = new ArrayList<>(identity.keys());
        keys.add(new IdentityKey(p.key(), p.purpose(), l.height(), 0));
        l.save(identity.withKeys(keys));
        l.record(p.name(), "key-added", p.key() + " " + p.purpose().wireName());
        return TxOutcome.applied(Event.of("identity.key-added", "name", p.name(), "key", p.key().toString(),
                "purpose", p.purpose().wireName()));
    }

    /** Allowed while suspended: an owner must be able to revoke a compromised key at any time. */
    static TxOutcome revokeKey(Ledger l, Payloads.RevokeKey p) {
        Identity identity = l.owned(p.name());
        Ledger.requireNotDeactivated(identity);
        Optional<IdentityKey> key = identity.activeKey(p.key());
        if (key.isEmpty()) {
            boolean revoked = identity.keys().stream().anyMatch(k -> k.address().equals(p.key()));
            throw refuse(revoked ? KEY_ALREADY_REVOKED : KEY_NOT_FOUND, "key " + p.key()
                    + (revoked ? " is already revoked" : " is not a key of '" + p.name() + "'"));
        }
        l.chargeUpdateFee();
        List<IdentityKey> keys = new ArrayList<>();
        identity.keys().forEach(k -> keys.add(k.equals(key.get()) ? k.revokedAt(l.height()) : k));
        Identity updated = identity.withKeys(keys);
        if (identity.pendingRotation().isPresent() && identity.pendingRotation().get().requestedBy().equals(p.key())) {
            IdentityState.scheduleRotation(l.state, identity.pendingRotation().get().dueHeight(), p.name(), false);
            updated = updated.withPendingRotation(Optional.empty());
            l.record(p.name(), "owner-rotation-cancelled", "the recovery key that requested it was revoked");
        }
        l.save(updated);
        l.record(p.name(), "key-revoked", p.key().toString());
        return TxOutcome.applied(Event.of("identity.key-revoked", "name", p.name(), "key", p.key().toString()));
    }

    static TxOutcome rotateOwner(Ledger l, Payloads.RotateOwner p) {
        Identity identity = l.identity(p.name());
        Ledger.requireStatus(identity, IdentityStatus.ACTIVE);
        if (identity.owner().equals(p.newOwner())) {
            throw refuse(Rejection.INVALID_PAYLOAD, p.newOwner() + " already owns '" + p.name() + "'");
        }
        if (identity.owner().equals(l.sender())) {
            l.chargeUpdateFee();
            identity.pendingRotation().ifPresent(pending ->
                    IdentityState.scheduleRotation(l.state, pending.dueHeight(), p.name(), false));
            transferOwnership(l, identity, p.newOwner(), l.height());
            l.record(p.name(), "owner-rotated", identity.owner() + " -> " + p.newOwner() + " by the owner");
            return TxOutcome.applied(Event.of("identity.owner-rotated", "name", p.name(), "owner", p.newOwner().toString()));
        }
        if (identity.keyValidAt(l.sender(), KeyPurpose.RECOVERY, l.height()).isEmpty()) {
            throw refuse(NOT_AUTHORIZED, l.sender() + " is neither the owner nor an active recovery key of '" + p.name() + "'");
        }
        if (identity.pendingRotation().isPresent()) {
            throw refuse(ROTATION_PENDING, "an owner rotation is already pending until height "
                    + identity.pendingRotation().get().dueHeight());
        }
        l.chargeUpdateFee();
        long due = Math.addExact(l.height(), l.params().rotationDelayBlocks());
        l.save(identity.withPendingRotation(Optional.of(
                new Identity.PendingRotation(p.newOwner(), l.sender(), l.height(), due))));
        IdentityState.scheduleRotation(l.state, due, p.name(), true);
        l.record(p.name(), "owner-rotation-requested", p.newOwner() + " by recovery key " + l.sender()
                + ", due at the end of block " + due);
        return TxOutcome.applied(Event.of("identity.owner-rotation-requested", "name", p.name(),
                "newOwner", p.newOwner().toString(), "dueHeight", Long.toString(due)));
    }

    /** Makes {@code newOwner} the owner from {@code since} and moves the name in the owner index. */
    static void transferOwnership(Ledger l, Identity identity, Address newOwner, long since) {
        l.save(identity.withOwner(newOwner, since));
        IdentityState.indexOwner(l.state, identity.owner(), identity.name(), false);
        IdentityState.indexOwner(l.state, newOwner, identity.name(), true);
    }

    static TxOutcome cancelRotation(Ledger l, Payloads.NameOnly p) {
        Identity identity = l.owned(p.name());
        Ledger.requireNotDeactivated(identity);
        Identity.PendingRotation pending = identity.pendingRotation()
                .orElseThrow(() -> refuse(NO_PENDING_ROTATION, "'" + p.name() + "' has no pending owner rotation"));
        l.chargeUpdateFee();
        IdentityState.scheduleRotation(l.state, pending.dueHeight(), p.name(), false);
        l.save(identity.withPendingRotation(Optional.empty()));
        l.record(p.name(), "owner-rotation-cancelled", "rotation to " + pending.newOwner() + " cancelled by the owner");
        return TxOutcome.applied(Event.of("identity.owner-rotation-cancelled", "name", p.name()));
    }

    static TxOutcome updateMetadata(Ledger l, Payloads.UpdateMetadata p) {
        Identity identity = l.owned(p.name());
        Ledger.requireStatus(identity, IdentityStatus.ACTIVE);
        requireValid(p.metadata());
        l.chargeUpdateFee();
        l.save(identity.withMetadata(p.metadata()));
        l.record(p.name(), "metadata-updated", "");
        return TxOutcome.applied(Event.of("identity.metadata-updated", "name", p.name()));
    }

    /** Final: the name stays taken, keys stay on record, the identity can no longer act. */
    static TxOutcome deactivate(Ledger l, Payloads.NameOnly p) {
        Identity identity = l.owned(p.name());
        Ledger.requireNotDeactivated(identity);
        l.chargeUpdateFee();
        identity.pendingRotation().ifPresent(pending ->
                IdentityState.scheduleRotation(l.state, pending.dueHeight(), p.name(), false));
        l.save(identity.withPendingRotation(Optional.empty()).withStatus(IdentityStatus.DEACTIVATED, l.height()));
        l.record(p.name(), "deactivated", "by the owner");
        return TxOutcome.applied(Event.of("identity.deactivated", "name", p.name()));
    }

    static TxOutcome suspend(Ledger l, Payloads.NameOnly p) {
        requireRegistrar(l);
        Identity identity = l.identity(p.name());
        Ledger.requireStatus(identity, IdentityStatus.ACTIVE);
        l.save(identity.withStatus(IdentityStatus.SUSPENDED, l.height()));
        l.record(p.name(), "suspended", "by registrar " + l.sender());
        return TxOutcome.applied(Event.of("identity.suspended", "name", p.name(), "registrar", l.sender().toString()));
    }

    static TxOutcome restore(Ledger l, Payloads.NameOnly p) {
        requireRegistrar(l);
        Identity identity = l.identity(p.name());
        if (identity.status() != IdentityStatus.SUSPENDED) {
            throw refuse(NOT_SUSPENDED, "identity '" + p.name() + "' is " + identity.status().wireName() + ", not suspended");
        }
        l.save(identity.withStatus(IdentityStatus.ACTIVE, l.height()));
        l.record(p.name(), "restored", "by registrar " + l.sender());
        return TxOutcome.applied(Event.of("identity.restored", "name", p.name(), "registrar", l.sender().toString()));
    }

    private static void requireRegistrar(Ledger l) {
        if (!Registrars.isRegistrar(l.state, l.sender())) {
            throw refuse(NOT_REGISTRAR, l.sender() + " is not a registrar");
        }
    }

    private static void requireValid(Metadata metadata) {
        metadata.problem().ifPresent(problem -> {
            throw refuse(INVALID_METADATA, problem);
        });
    }
}
