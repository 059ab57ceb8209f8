package io.gridchain.identity.tx;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;
import io.gridchain.core.tx.TxPayload;
import io.gridchain.identity.model.KeyPurpose;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Metadata;
import java.util.Set;

/**
 * The payload of every identity and organization transaction. Decoding is strict (canonical RLP, exact
 * item count, known enum values); whether names and values obey the ledger's rules is the handler's
 * decision, so that those refusals carry their own codes.
 */
public final class Payloads {
    private Payloads() {}

    /** Registers {@code name} owned by the sender. {@code registrarSignature} is empty or 65 bytes. */
    public record Register(String name, Metadata metadata, Bytes registrarSignature) implements TxPayload {
        public String kind() {
            return IdentityKinds.REGISTER;
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(name), metadata.encode(), Rlp.bytes(registrarSignature.toArray()));
        }

        public static Register decode(byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            Register p = new Register(r.string(), Metadata.decode(r), Bytes.of(r.bytes()));
            r.finish(IdentityKinds.REGISTER);
            return p;
        }
    }

    public record AddKey(String name, Address key, KeyPurpose purpose) implements TxPayload {
        public String kind() {
            return IdentityKinds.ADD_KEY;
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(name), Rlp.bytes(key.bytes()), Rlp.string(purpose.wireName()));
        }

        public static AddKey decode(byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            String name = r.string();
            Address key = Address.of(r.bytes(20, "key"));
            String purpose = r.string();
            AddKey p = new AddKey(name, key, KeyPurpose.parse(purpose).orElseThrow(() -> new RlpException(
                    "purpose must be authentication, assertion or recovery, got '" + purpose + "'")));
            r.finish(IdentityKinds.ADD_KEY);
            return p;
        }
    }

    public record RevokeKey(String name, Address key) implements TxPayload {
        public String kind() {
            return IdentityKinds.REVOKE_KEY;
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(name), Rlp.bytes(key.bytes()));
        }

        public static RevokeKey decode(byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            RevokeKey p = new RevokeKey(r.string(), Address.of(r.bytes(20, "key")));
            r.finish(IdentityKinds.REVOKE_KEY);
            return p;
        }
    }

    /** Signed by the owner: immediate. Signed by a recovery key: pending for the rotation delay. */
    public record RotateOwner(String name, Address newOwner) implements TxPayload {
        public String kind() {
            return IdentityKinds.ROTATE_OWNER;
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(name), Rlp.bytes(newOwner.bytes()));
        }

        public static RotateOwner decode(byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            RotateOwner p = new RotateOwner(r.string(), Address.of(r.bytes(20, "newOwner")));
            r.finish(IdentityKinds.ROTATE_OWNER);
            return p;
        }
    }

    public record UpdateMetadata(String name, Metadata metadata) implements TxPayload {
        public String kind() {
            return IdentityKinds.UPDATE_METADATA;
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(name), metadata.encode());
        }

        public static UpdateMetadata decode(byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            UpdateMetadata p = new UpdateMetadata(r.string(), Metadata.decode(r));
            r.finish(IdentityKinds.UPDATE_METADATA);
            return p;
        }
    }

    /** A payload that only names an identity: cancel-rotation, deactivate, suspend, restore. */
    public record NameOnly(String kind, String name) implements TxPayload {
        static final Set<String> KINDS = Set.of(IdentityKinds.CANCEL_ROTATION, IdentityKinds.DEACTIVATE,
                IdentityKinds.SUSPEND, IdentityKinds.RESTORE);

        public NameOnly {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException(kind + " does not take a name-only payload");
            }
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(name));
        }

        public static NameOnly decode(String kind, byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            NameOnly p = new NameOnly(kind, r.string());
            r.finish(kind);
            return p;
        }
    }

    /** Creates {@code org}; {@code actor} is the identity the sender acts for, which becomes its owner. */
    public record CreateOrg(String org, String actor) implements TxPayload {
        public String kind() {
            return IdentityKinds.ORG_CREATE;
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(org), Rlp.string(actor));
        }

        public static CreateOrg decode(byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            CreateOrg p = new CreateOrg(r.string(), r.string());
            r.finish(IdentityKinds.ORG_CREATE);
            return p;
        }
    }

    /** add-owner, remove-owner, add-member, remove-member: {@code actor} changes {@code org}. */
    public record OrgChange(String kind, String org, String actor, MemberRef member) implements TxPayload {
        static final Set<String> KINDS = Set.of(IdentityKinds.ORG_ADD_OWNER, IdentityKinds.ORG_REMOVE_OWNER,
                IdentityKinds.ORG_ADD_MEMBER, IdentityKinds.ORG_REMOVE_MEMBER);

        public OrgChange {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException(kind + " is not an organization change");
            }
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(org), Rlp.string(actor), member.encode());
        }

        public static OrgChange decode(String kind, byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            OrgChange p = new OrgChange(kind, r.string(), r.string(), MemberRef.decode(r));
            r.finish(kind);
            return p;
        }
    }

    /** {@code actor} leaves {@code org}: removed from its owners and members. */
    public record LeaveOrg(String org, String actor) implements TxPayload {
        public String kind() {
            return IdentityKinds.ORG_LEAVE;
        }

        public byte[] encode() {
            return Rlp.list(Rlp.string(org), Rlp.string(actor));
        }

        public static LeaveOrg decode(byte[] bytes) {
            RlpReader r = RlpReader.ofList(bytes);
            LeaveOrg p = new LeaveOrg(r.string(), r.string());
            r.finish(IdentityKinds.ORG_LEAVE);
            return p;
        }
    }
}
