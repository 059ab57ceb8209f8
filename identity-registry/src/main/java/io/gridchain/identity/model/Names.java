package io.gridchain.identity.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The naming rules. An identity name is 3–63 characters of lowercase letters, digits and hyphens,
 * neither starting nor ending with a hyphen (a DNS label, lowercase only). An organization name is one
 * or more such labels joined by dots: {@code acme}, {@code acme.research}; the part before the last
 * dot names the parent organization.
 */
public final class Names {
    public static final int MAX_ORG_DEPTH = 8;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]");

    private Names() {}

    /** Why {@code name} is not a valid identity name, or empty if it is. */
    public static Optional<String> identityNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a name is required");
        }
        if (name.length() < 3 || name.length() > 63) {
            return Optional.of("name '" + shorten(name) + "' must be 3 to 63 characters, it has " + name.length());
        }
        if (!LABEL.matcher(name).matches()) {
            return Optional.of("name '" + name + "' may use only lowercase letters, digits and hyphens,"
                    + " and may not start or end with a hyphen");
        }
        return Optional.empty();
    }

    public static Optional<String> orgNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("an organization name is required");
        }
        String[] labels = name.split("\\.", -1);
        if (labels.length > MAX_ORG_DEPTH) {
            return Optional.of("organization '" + shorten(name) + "' is nested deeper than " + MAX_ORG_DEPTH + " levels");
        }
        for (String label : labels) {
            Optional<String> problem = identityNameProblem(label);
            if (problem.isPresent()) {
                return Optional.of("organization '" + shorten(name) + "': " + problem.get());
            }
        }
        return Optional.empty();
    }

    /** The parent of {@code acme.research} is {@code acme}; a top-level organization has none. */
    public static Optional<String> parentOrg(String org) {
        int dot = org.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.of(org.substring(0, dot));
    }

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
