package io.gridchain.identity.model;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An identity as stored on chain. Owners and statuses are kept as terms ("from this height on"), and
 * keys keep their added and revoked heights, so who could act for the identity at any past height is
 * answered from the current record alone.
 */
public record Identity(String name, List<Term> owners, List<IdentityKey> keys, Metadata metadata,
                       List<StatusTerm> statuses, Optional<PendingRotation> pendingRotation, long registeredHeight) {
    public static final int MAX_KEYS = 32;

    /** {@code owner} owns the identity from height {@code since} until the next term. */
    public record Term(Address owner, long since) {}

    public record StatusTerm(IdentityStatus status, long since) {}

    /** An owner rotation requested by a recovery key; it takes effect at the end of {@code dueHeight}. */
    public record PendingRotation(Address newOwner, Address requestedBy, long requestedHeight, long dueHeight) {}

    public Identity {
        owners = List.copyOf(owners);
        keys = List.copyOf(keys);
        statuses = List.copyOf(statuses);
    }

    public static Identity registered(String name, Address owner, Metadata metadata, long height) {
        return new Identity(name, List.of(new Term(owner, height)), List.of(), metadata,
                List.of(new StatusTerm(IdentityStatus.ACTIVE, height)), Optional.empty(), height);
    }

    public Address owner() {
        return owners.get(owners.size() - 1).owner();
    }

    public IdentityStatus status() {
        return statuses.get(statuses.size() - 1).status();
    }

    /** The owner at {@code height}, or empty before registration. */
    public Optional<Address> ownerAt(long height) {
        Address found = null;
        for (Term t : owners) {
            if (t.since() <= height) {
                found = t.owner();
            }
        }
        return Optional.ofNullable(found);
    }

    public Optional<IdentityStatus> statusAt(long height) {
        IdentityStatus found = null;
        for (StatusTerm t : statuses) {
            if (t.since() <= height) {
                found = t.status();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The key with this address that is not revoked, if any. */
    public Optional<IdentityKey> activeKey(Address address) {
        return keys.stream().filter(k -> k.address().equals(address) && !k.isRevoked()).findFirst();
    }

    /** A key with this address and purpose valid at {@code height}. */
    public Optional<IdentityKey> keyValidAt(Address address, KeyPurpose purpose, long height) {
        return keys.stream()
                .filter(k -> k.address().equals(address) && k.purpose() == purpose && k.validAt(height))
                .findFirst();
    }

    /**
     * In what capacity {@code address} could act for this identity at {@code height}: "owner", or the
     * purpose of one of its keys among {@code purposes}. Empty if it could not, or if the identity was
     * not active then.
     */
    public Optional<String> authorityAt(Address address, long height, java.util.Set<KeyPurpose> purposes) {
        if (statusAt(height).orElse(null) != IdentityStatus.ACTIVE) {
            return Optional.empty();
        }
        if (ownerAt(height).filter(address::equals).isPresent()) {
            return Optional.of("owner");
        }
        for (KeyPurpose purpose : purposes) {
            if (keyValidAt(address, purpose, height).isPresent()) {
                return Optional.of(purpose.wireName() + " key");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code address} may sign in as this identity now: the identity is active and the address
     * is its owner or one of its unrevoked authentication keys.
     */
    public boolean canAuthenticate(Address address) {
        return status() == IdentityStatus.ACTIVE && (owner().equals(address)
                || activeKey(address).filter(k -> k.purpose() == KeyPurpose.AUTHENTICATION).isPresent());
    }

    public Identity withKeys(List<IdentityKey> newKeys) {
        return new Identity(name, owners, newKeys, metadata, statuses, pendingRotation, registeredHeight);
    }

    public Identity withMetadata(Metadata newMetadata) {
        return new Identity(name, owners, keys, newMetadata, statuses, pendingRotation, registeredHeight);
    }

    public Identity withStatus(IdentityStatus status, long height) {
        List<StatusTerm> next = new ArrayList<>(statuses);
        next.add(new StatusTerm(status, height));
        return new Identity(name, owners, keys, metadata, next, pendingRotation, registeredHeight);
    }

    public Identity withOwner(Address newOwner, long height) {
        List<Term> next = new ArrayList<>(owners);
        next.add(new Term(newOwner, height));
        return new Identity(name, next, keys, metadata, statuses, Optional.empty(), registeredHeight);
    }

    public Identity withPendingRotation(Optional<PendingRotation> pending) {
        return new Identity(name, owners, keys, metadata, statuses, pending, registeredHeight);
    }

    public byte[] encode() {
        List<byte[]> ownerItems = new ArrayList<>();
        owners.forEach(t -> ownerItems.add(Rlp.list(Rlp.bytes(t.owner().bytes()), Rlp.uint(t.since()))));
        List<byte[]> keyItems = new ArrayList<>();
        keys.forEach(k -> keyItems.add(k.encode()));
        List<byte[]> statusItems = new ArrayList<>();
        statuses.forEach(s -> statusItems.add(Rlp.list(Rlp.string(s.status().wireName()), Rlp.uint(s.since()))));
        byte[] pending = pendingRotation.map(p -> Rlp.list(Rlp.list(Rlp.bytes(p.newOwner().bytes()),
                Rlp.bytes(p.requestedBy().bytes()), Rlp.uint(p.requestedHeight()), Rlp.uint(p.dueHeight()))))
                .orElse(Rlp.list());
        return Rlp.list(Rlp.string(name), Rlp.list(ownerItems), Rlp.list(keyItems), metadata.encode(),
                Rlp.list(statusItems), pending, Rlp.uint(registeredHeight));
    }

    public static Identity decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        String name = r.string();
        List<Term> owners = new ArrayList<>();
        RlpReader ownerItems = r.list();
        while (ownerItems.hasNext()) {
            RlpReader t = ownerItems.list();
            owners.add(new Term(Address.of(t.bytes(20, "owner")), t.uint64("since")));
        }
        List<IdentityKey> keys = new ArrayList<>();
        RlpReader keyItems = r.list();
        while (keyItems.hasNext()) {
            keys.add(IdentityKey.decode(keyItems));
        }
        Metadata metadata = Metadata.decode(r);
        List<StatusTerm> statuses = new ArrayList<>();
        RlpReader statusItems = r.list();
        while (statusItems.hasNext()) {
            RlpReader s = statusItems.list();
            String status = s.string();
            statuses.add(new StatusTerm(IdentityStatus.parse(status)
                    .orElseThrow(() -> new RlpException("unknown status '" + status + "'")), s.uint64("since")));
        }
        Optional<PendingRotation> pending = Optional.empty();
        RlpReader p = r.list();
        if (p.hasNext()) {
            RlpReader q = p.list();
            pending = Optional.of(new PendingRotation(Address.of(q.bytes(20, "newOwner")),
                    Address.of(q.bytes(20, "requestedBy")), q.uint64("requestedHeight"), q.uint64("dueHeight")));
        }
        Identity identity = new Identity(name, owners, keys, metadata, statuses, pending, r.uint64("registeredHeight"));
        r.finish("identity");
        return identity;
    }
}
