package io.gridchain.identity.auth;

import io.gridchain.core.state.StateReader;
import io.gridchain.identity.OrgMembership;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Scopes a token may carry: {@code identity} (always granted, the default) and {@code memberof:<org>},
 * granted only if the identity belongs to that organization now (see {@link OrgMembership}). Asking
 * for an organization that does not exist, or for an unknown scope, is {@code invalid_scope}; asking
 * for one the identity does not belong to leaves it out of the granted scope.
 */
final class Scopes {
    static final String IDENTITY = "identity";
    static final String MEMBER_OF = "memberof:";

    sealed interface Resolved {
        record Granted(List<String> scope) implements Resolved {}

        record Refused(OAuthError error) implements Resolved {}
    }

    private Scopes() {}

    static Resolved resolve(StateReader state, String identity, Optional<String> requested) {
        Set<String> granted = new LinkedHashSet<>();
        granted.add(IDENTITY);
        if (requested.isEmpty() || requested.get().isBlank()) {
            return new Resolved.Granted(List.copyOf(granted));
        }
        for (String scope : requested.get().split(" ")) {
            if (scope.isEmpty() || scope.equals(IDENTITY)) {
                continue;
            }
            if (!scope.startsWith(MEMBER_OF)) {
                return refused("unknown scope '" + scope + "'; this server knows identity and memberof:<org>");
            }
            String org = scope.substring(MEMBER_OF.length());
            OrgMembership.Result result = OrgMembership.check(state, org, identity);
            if (result instanceof OrgMembership.Result.NoSuchOrganization) {
                return refused("the organization '" + org + "' does not exist");
            }
            if (result instanceof OrgMembership.Result.Member) {
                granted.add(scope);
            }
        }
        return new Resolved.Granted(new ArrayList<>(granted));
    }

    private static Resolved refused(String description) {
        return new Resolved.Refused(new OAuthError(OAuthError.INVALID_SCOPE, description));
    }
}
