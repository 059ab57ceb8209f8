package io.gridchain.identity.model;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpException;
import io.gridchain.core.rlp.RlpReader;

/** A member of an organization: an identity or another organization, by name. */
public record MemberRef(Type type, String name) {
    public enum Type {
        IDENTITY, ORGANIZATION
    }

    public static MemberRef identity(String name) {
        return new MemberRef(Type.IDENTITY, name);
    }

    public static MemberRef org(String name) {
        return new MemberRef(Type.ORGANIZATION, name);
    }

    @Override
    public String toString() {
        return (type == Type.IDENTITY ? "identity " : "organization ") + name;
    }

    public byte[] encode() {
        return Rlp.list(Rlp.uint(type == Type.IDENTITY ? 0 : 1), Rlp.string(name));
    }

    public static MemberRef decode(RlpReader item) {
        RlpReader r = item.list();
        long t = r.uint64("member type");
        if (t > 1) {
            throw new RlpException("member type must be 0 (identity) or 1 (organization), got " + t);
        }
        MemberRef m = new MemberRef(t == 0 ? Type.IDENTITY : Type.ORGANIZATION, r.string());
        r.finish("member");
        return m;
    }
}
