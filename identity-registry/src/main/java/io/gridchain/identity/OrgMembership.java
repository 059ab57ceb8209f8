package io.gridchain.identity;

import io.gridchain.core.state.StateReader;
import io.gridchain.identity.model.Identity;
import io.gridchain.identity.model.IdentityStatus;
import io.gridchain.identity.model.MemberRef;
import io.gridchain.identity.model.Names;
import io.gridchain.identity.model.Organization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who belongs to an organization. The rules:
 * <ul>
 *   <li>a direct owner or direct member (identity) of an organization belongs to it;</li>
 *   <li>an organization listed as a member passes membership to everyone who belongs to it;</li>
 *   <li>owners inherit: whoever owns an organization (directly or by inheritance) owns, and so
 *       belongs to, each of its existing sub-organizations;</li>
 *   <li>nothing makes anyone a member of an organization that does not exist, and only active
 *       identities belong anywhere.</li>
 * </ul>
 * Every "yes" comes with the path that proves it; cycles between organizations are cut.
 */
public final class OrgMembership {
    /** Bounds the search through organizations that are members of organizations. */
    public static final int MAX_DEPTH = 16;

    /** One step of a membership path: in {@code org}, the identity (or the next step) is {@code via}. */
    public record Step(String org, String via) {}

    public sealed interface Result {
        /** {@code path} starts at the organization asked about and ends where the identity is listed. */
        record Member(List<Step> path) implements Result {}

        record NotMember(String reason) implements Result {}

        record NoSuchOrganization(String org) implements Result {}
    }

    private OrgMembership() {}

    public static Result check(StateReader state, String org, String identityName) {
        if (IdentityState.ORGANIZATIONS.get(state, org).isEmpty()) {
            return new Result.NoSuchOrganization(org);
        }
        Optional<Identity> identity = IdentityState.IDENTITIES.get(state, identityName);
        if (identity.isEmpty()) {
            return new Result.NotMember("no identity is named '" + identityName + "'");
        }
        if (identity.get().status() != IdentityStatus.ACTIVE) {
            return new Result.NotMember("identity '" + identityName + "' is " + identity.get().status().wireName());
        }
        return memberPath(state, org, identityName, new HashSet<>(), 0)
                .<Result>map(Result.Member::new)
                .orElseGet(() -> new Result.NotMember("'" + identityName + "' does not belong to '" + org + "'"));
    }

    /** The path by which {@code identity} owns {@code org} (directly or as owner of an ancestor). */
    public static Optional<List<Step>> ownerPath(StateReader state, String org, String identity) {
        Optional<Organization> o = IdentityState.ORGANIZATIONS.get(state, org);
        if (o.isEmpty()) {
            return Optional.empty();
        }
        if (o.get().owners().contains(identity)) {
            return Optional.of(List.of(new Step(org, "owner")));
        }
        Optional<String> parent = Names.parentOrg(org);
        if (parent.isEmpty()) {
            return Optional.empty();
        }
        return ownerPath(state, parent.get(), identity).map(rest -> prepend(new Step(org, "sub-organization of "
                + parent.get()), rest));
    }

    private static Optional<List<Step>> memberPath(StateReader state, String org, String identity, Set<String> seen,
                                                   int depth) {
        if (depth > MAX_DEPTH || !seen.add(org)) {
            return Optional.empty();
        }
        Optional<Organization> found = IdentityState.ORGANIZATIONS.get(state, org);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Organization o = found.get();
        if (o.owners().contains(identity)) {
            return Optional.of(List.of(new Step(org, "owner")));
        }
        if (o.members().contains(MemberRef.identity(identity))) {
            return Optional.of(List.of(new Step(org, "member")));
        }
        for (MemberRef m : o.members()) {
            if (m.type() == MemberRef.Type.ORGANIZATION) {
                Optional<List<Step>> via = memberPath(state, m.name(), identity, seen, depth + 1);
                if (via.isPresent()) {
                    return Optional.of(prepend(new Step(org, "includes organization " + m.name()), via.get()));
                }
            }
        }
        return ownerPath(state, org, identity);
    }

    private static List<Step> prepend(Step step, List<Step> rest) {
        List<Step> out = new ArrayList<>(rest.size() + 1);
        out.add(step);
        out.addAll(rest);
        return List.copyOf(out);
    }
}
