package io.gridchain.identity.tx;

import static io.gridchain.identity.tx.IdentityRejections.INVALID_NAME;
import static io.gridchain.identity.tx.IdentityRejections.LAST_OWNER;
import static io.gridchain.identity.tx.IdentityRejections.MEMBER_EXISTS;
import static io.gridchain.identity.tx.IdentityRejections.MEMBER_NOT_FOUND;
import static io.gridchain.identity.tx.IdentityRejections.NOT_ORG_OWNER;
import static io.gridchain.identity.tx.IdentityRejections.ORG_EXISTS;
import static io.gridchain.identity.tx.IdentityRejections.PARENT_NOT_FOUND;
import static io.gridchain.identity.tx.IdentityRejections.TOO_MANY_MEMBERS;
import static io.gridchain.identity.tx.Ledger.refuse;

import io.gridchain.core.tx.Event;
import io.gridchain.core.tx.Rejection;
import io.gridchain.core.tx.TxOutcome;
import io.gridchain.identity.IdentityState;
import io.gridchain.identity.OrgMembership;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Names;
import io.gridchain.identity.model.Organization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the organization transactions. The sender acts for {@code actor} (its owner or an
 * authentication key); changes need {@code actor} to own the organization, directly or as an owner
 * of an ancestor. A top-level organization always keeps at least one direct owner.
 */
final class OrgRules {
    private OrgRules() {}

    static TxOutcome create(Ledger l, Payloads.CreateOrg p) {
        Names.orgNameProblem(p.org()).ifPresent(problem -> {
            throw refuse(INVALID_NAME, problem);
        });
        if (IdentityState.ORGANIZATIONS.get(l.state, p.org()).isPresent()) {
            throw refuse(ORG_EXISTS, "the organization '" + p.org() + "' exists");
        }
        Identity actor = l.actingAs(p.actor());
        Optional<String> parent = Names.parentOrg(p.org());
        if (parent.isPresent()) {
            if (IdentityState.ORGANIZATIONS.get(l.state, parent.get()).isEmpty()) {
                throw refuse(PARENT_NOT_FOUND, "the parent organization '" + parent.get() + "' does not exist");
            }
            requireOwner(l, parent.get(), actor.name());
        }
        l.chargeFee(l.params().registrationFee(), "registration");
        l.save(new Organization(p.org(), List.of(actor.name()), List.of(), l.height()));
        l.recordOrg(p.org(), "created", "by " + actor.name());
        return TxOutcome.applied(Event.of("org.created", "org", p.org(), "owner", actor.name()));
    }

    static TxOutcome change(Ledger l, Payloads.OrgChange p) {
        Organization org = l.org(p.org());
        Identity actor = l.actingAs(p.actor());
        requireOwner(l, org.name(), actor.name());
        Organization updated;
        switch (p.kind()) {
            case IdentityKinds.ORG_ADD_OWNER:
                updated = addOwner(l, org, p.member());
                break;
            case IdentityKinds.ORG_REMOVE_OWNER:
                updated = removeOwner(org, p.member());
                break;
            case IdentityKinds.ORG_ADD_MEMBER:
                updated = addMember(l, org, p.member());
                break;
            default:
                updated = removeMember(org, p.member());
                break;
        }
        l.chargeUpdateFee();
        l.save(updated);
        String what = p.kind().substring("org.".length());
        l.recordOrg(org.name(), what, p.member() + " by " + actor.name());
        return TxOutcome.applied(Event.of("org." + what, "org", org.name(), "member", p.member().name(),
                "type", p.member().type().name().toLowerCase(java.util.Locale.ROOT), "by", actor.name()));
    }

    static TxOutcome leave(Ledger l, Payloads.LeaveOrg p) {
        Organization org = l.org(p.org());
        Identity actor = l.actingAs(p.actor());
        MemberRef self = MemberRef.identity(actor.name());
        boolean owner = org.owners().contains(actor.name());
        if (!owner && !org.members().contains(self)) {
            throw refuse(MEMBER_NOT_FOUND, "'" + actor.name() + "' is neither an owner nor a member of '" + org.name() + "'");
        }
        Organization updated = org;
        if (owner) {
            updated = removeOwner(updated, self);
        }
        if (org.members().contains(self)) {
            updated = removeMember(updated, self);
        }
        l.chargeUpdateFee();
        l.save(updated);
        l.recordOrg(org.name(), "left", actor.name());
        return TxOutcome.applied(Event.of("org.left", "org", org.name(), "identity", actor.name()));
    }

    private static void requireOwner(Ledger l, String org, String actor) {
        if (OrgMembership.ownerPath(l.state, org, actor).isEmpty()) {
            throw refuse(NOT_ORG_OWNER, "'" + actor + "' does not own '" + org + "' nor any organization above it");
        }
    }

    private static Organization addOwner(Ledger l, Organization org, MemberRef member) {
        if (member.type() != MemberRef.Type.IDENTITY) {
            throw refuse(Rejection.INVALID_PAYLOAD, "owners are identities; " + member + " cannot own an organization");
        }
        Identity identity = l.identity(member.name());
        Ledger.requireNotDeactivated(identity);
        if (org.owners().contains(member.name())) {
            throw refuse(MEMBER_EXISTS, "'" + member.name() + "' already owns '" + org.name() + "'");
        }
        if (org.owners().size() >= Organization.MAX_OWNERS) {
            throw refuse(TOO_MANY_MEMBERS, "an organization has at most " + Organization.MAX_OWNERS + " owners");
        }
        List<String> owners = new ArrayList<>(org.owners());
        owners.add(member.name());
        return org.withOwners(owners);
    }

    private static Organization removeOwner(Organization org, MemberRef member) {
        if (member.type() != MemberRef.Type.IDENTITY || !org.owners().contains(member.name())) {
            throw refuse(MEMBER_NOT_FOUND, member + " is not an owner of '" + org.name() + "'");
        }
        if (org.parent().isEmpty() && org.owners().size() == 1) {
            throw refuse(LAST_OWNER, "'" + member.name() + "' is the last owner of '" + org.name() + "'");
        }
        List<String> owners = new ArrayList<>(org.owners());
        owners.remove(member.name());
        return org.withOwners(owners);
    }

    private static Organization addMember(Ledger l, Organization org, MemberRef member) {
        if (member.type() == MemberRef.Type.IDENTITY) {
            Ledger.requireNotDeactivated(l.identity(member.name()));
        } else {
            l.org(member.name());
            if (member.name().equals(org.name())) {
                throw refuse(Rejection.INVALID_PAYLOAD, "an organization cannot be a member of itself");
            }
        }
        if (org.members().contains(member)) {
            throw refuse(MEMBER_EXISTS, member + " is already a member of '" + org.name() + "'");
        }
        if (org.members().size() >= Organization.MAX_MEMBERS) {
            throw refuse(TOO_MANY_MEMBERS, "an organization has at most " + Organization.MAX_MEMBERS + " members");
        }
        List<MemberRef> members = new ArrayList<>(org.members());
        members.add(member);
        return org.withMembers(members);
    }

    private static Organization removeMember(Organization org, MemberRef member) {
        if (!org.members().contains(member)) {
            throw refuse(MEMBER_NOT_FOUND, member + " is not a member of '" + org.name() + "'");
        }
        List<MemberRef> members = new ArrayList<>(org.members());
        members.remove(member);
        return org.withMembers(members);
    }
}
