package io.gridchain.identity;

import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.state.StateReader;
import io.gridchain.identity.model.HistoryEntry;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.Organization;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Read-only answers over one state (the node passes the committed state of the height it answers at).
 * Questions "at height h" are answered from the recorded heights of owners, statuses and keys.
 */
public final class IdentityQueries {
    /** Purposes whose keys may sign statements for an identity (personal_sign). */
    static final Set<KeyPurpose> SIGNING = EnumSet.of(KeyPurpose.AUTHENTICATION, KeyPurpose.ASSERTION);

    private final StateReader state;

    public IdentityQueries(StateReader state) {
        this.state = state;
    }

    public Optional<Identity> identity(String name) {
        return IdentityState.IDENTITIES.get(state, name);
    }

    /** Names of the identities {@code owner} currently owns, sorted. */
    public List<String> namesOwnedBy(Address owner) {
        return IdentityState.NAMES_BY_OWNER.get(state, owner).orElse(List.of());
    }

    public List<HistoryEntry> history(String name) {
        return IdentityState.HISTORY.get(state, name).orElse(List.of());
    }

    public Optional<Organization> organization(String name) {
        return IdentityState.ORGANIZATIONS.get(state, name);
    }

    public List<HistoryEntry> organizationHistory(String name) {
        return IdentityState.ORG_HISTORY.get(state, name).orElse(List.of());
    }

    public OrgMembership.Result membership(String org, String identity) {
        return OrgMembership.check(state, org, identity);
    }

    public Optional<DidDocument> didDocument(String name, long chainId) {
        return identity(name).map(i -> DidDocument.of(i, chainId));
    }

    /** Whether {@code address} could act for {@code name} at {@code height}, and as what. */
    public sealed interface Authority {
        record Yes(String name, Address address, String role, long height) implements Authority {}

        record No(String reason) implements Authority {}
    }

    /** The key (or owner) {@code address} of {@code name} at {@code height}, for the given purposes. */
    public Authority authority(String name, Address address, long height, Set<KeyPurpose> purposes) {
        Optional<Identity> identity = identity(name);
        if (identity.isEmpty()) {
            return new Authority.No("no identity is named '" + name + "'");
        }
        Optional<String> role = identity.get().authorityAt(address, height, purposes);
        if (role.isEmpty()) {
            String status = identity.get().statusAt(height).map(s -> s.wireName()).orElse("not yet registered");
            return new Authority.No(address + " is neither the owner nor a valid " + purposesText(purposes)
                    + " key of '" + name + "' at height " + height + " (identity then: " + status + ")");
        }
        return new Authority.Yes(name, address, role.get(), height);
    }

    /** Key validity: is {@code key} a valid key of {@code name} with {@code purpose} at {@code height}? */
    public Authority keyValidity(String name, Address key, KeyPurpose purpose, long height) {
        return authority(name, key, height, EnumSet.of(purpose));
    }

    /**
     * Verifies an EIP-191 personal_sign signature of {@code message} as a statement of {@code name} at
     * {@code height}: by its owner, or an authentication or assertion key, valid then. A high-s or
     * malformed signature is refused with its reason.
     */
    public Authority verifyPersonalSign(String name, byte[] message, byte[] signature, long height) {
        Signature.Decoded decoded = Signature.decode(signature);
        if (decoded instanceof Signature.Decoded.Invalid invalid) {
            return new Authority.No("signature: " + invalid.reason());
        }
        Optional<Address> signer = ((Signature.Decoded.Valid) decoded).signature()
                .recoverSigner(PersonalSign.digest(message));
        if (signer.isEmpty()) {
            return new Authority.No("the signature does not recover to any key");
        }
        return authority(name, signer.get(), height, SIGNING);
    }

    private static String purposesText(Set<KeyPurpose> purposes) {
        StringBuilder out = new StringBuilder();
        for (KeyPurpose p : purposes) {
            out.append(out.length() == 0 ? "" : " or ").append(p.wireName());
        }
        return out.toString();
    }
}
