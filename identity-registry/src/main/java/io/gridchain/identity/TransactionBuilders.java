package io.gridchain.identity;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Signature;
import io.gridchain.core.crypto.SigningKey;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Metadata;
import io.gridchain.identity.tx.IdentityKinds;
import io.gridchain.identity.tx.Payloads;

/**
 * Payloads for the wallet and the CLI. Wrap one in {@code new UnsignedTransaction(chainId, nonce, fee,
 * payload).signWith(key)}.
 */
public final class TransactionBuilders {
    private TransactionBuilders() {}

    public static TxPayload register(String name, Metadata metadata) {
        return new Payloads.Register(name, metadata, Bytes.of(new byte[0]));
    }

    /** A registration countersigned by {@code registrar}, for chains whose registration mode needs it. */
    public static TxPayload registerCountersigned(long chainId, String name, Address owner, Metadata metadata,
                                                  SigningKey registrar) {
        byte[] sig = registrar.sign(RegistrationDigest.of(chainId, name, owner, metadata)).bytes();
        return new Payloads.Register(name, metadata, Bytes.of(sig));
    }

    /**
     * A registration carrying a registrar's countersignature made elsewhere (the registrar signed
     * {@link RegistrationDigest} on their own machine and handed the signature back).
     */
    public static TxPayload registerWithCountersignature(String name, Metadata metadata, Signature registrarSignature) {
        return new Payloads.Register(name, metadata, Bytes.of(registrarSignature.bytes()));
    }

    public static TxPayload addKey(String name, Address key, KeyPurpose purpose) {
        return new Payloads.AddKey(name, key, purpose);
    }

    public static TxPayload revokeKey(String name, Address key) {
        return new Payloads.RevokeKey(name, key);
    }

    public static TxPayload rotateOwner(String name, Address newOwner) {
        return new Payloads.RotateOwner(name, newOwner);
    }

    public static TxPayload cancelRotation(String name) {
        return new Payloads.NameOnly(IdentityKinds.CANCEL_ROTATION, name);
    }

    public static TxPayload updateMetadata(String name, Metadata metadata) {
        return new Payloads.UpdateMetadata(name, metadata);
    }

    public static TxPayload deactivate(String name) {
        return new Payloads.NameOnly(IdentityKinds.DEACTIVATE, name);
    }

    public static TxPayload suspend(String name) {
        return new Payloads.NameOnly(IdentityKinds.SUSPEND, name);
    }

    public static TxPayload restore(String name) {
        return new Payloads.NameOnly(IdentityKinds.RESTORE, name);
    }

    public static TxPayload createOrg(String org, String actor) {
        return new Payloads.CreateOrg(org, actor);
    }

    public static TxPayload addOrgOwner(String org, String actor, String ownerIdentity) {
        return new Payloads.OrgChange(IdentityKinds.ORG_ADD_OWNER, org, actor, MemberRef.identity(ownerIdentity));
    }

    public static TxPayload removeOrgOwner(String org, String actor, String ownerIdentity) {
        return new Payloads.OrgChange(IdentityKinds.ORG_REMOVE_OWNER, org, actor, MemberRef.identity(ownerIdentity));
    }

    public static TxPayload addOrgMember(String org, String actor, MemberRef member) {
        return new Payloads.OrgChange(IdentityKinds.ORG_ADD_MEMBER, org, actor, member);
    }

    public static TxPayload removeOrgMember(String org, String actor, MemberRef member) {
        return new Payloads.OrgChange(IdentityKinds.ORG_REMOVE_MEMBER, org, actor, member);
    }

    public static TxPayload leaveOrg(String org, String actor) {
        return new Payloads.LeaveOrg(org, actor);
    }
}
