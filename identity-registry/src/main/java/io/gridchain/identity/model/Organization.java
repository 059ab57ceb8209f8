package io.gridchain.identity.model;

import io.gridchain.core.rlp.Rlp;
import io.gridchain.core.rlp.RlpReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An organization: its direct owners (identities) and members (identities or organizations). The
 * owners of a parent organization own its sub-organizations too (see {@code OrgMembership}).
 */
public record Organization(String name, List<String> owners, List<MemberRef> members, long createdHeight) {
    public static final int MAX_OWNERS = 64;
    public static final int MAX_MEMBERS = 1024;

    public Organization {
        owners = List.copyOf(owners);
        members = List.copyOf(members);
    }

    public Optional<String> parent() {
        return Names.parentOrg(name);
    }

    public Organization withOwners(List<String> newOwners) {
        return new Organization(name, newOwners, members, createdHeight);
    }

    public Organization withMembers(List<MemberRef> newMembers) {
        return new Organization(name, owners, newMembers, createdHeight);
    }

    public byte[] encode() {
        List<byte[]> o = new ArrayList<>();
        owners.forEach(n -> o.add(Rlp.string(n)));
        List<byte[]> m = new ArrayList<>();
        members.forEach(x -> m.add(x.encode()));
        return Rlp.list(Rlp.string(name), Rlp.list(o), Rlp.list(m), Rlp.uint(createdHeight));
    }

    public static Organization decode(byte[] bytes) {
        RlpReader r = RlpReader.ofList(bytes);
        String name = r.string();
        List<String> owners = new ArrayList<>();
        RlpReader o = r.list();
        while (o.hasNext()) {
            owners.add(o.string());
        }
        List<MemberRef> members = new ArrayList<>();
        RlpReader m = r.list();
        while (m.hasNext()) {
            members.add(MemberRef.decode(m));
        }
        Organization org = new Organization(name, owners, members, r.uint64("createdHeight"));
        r.finish("organization");
        return org;
    }
}
