package io.gridchain.node.cli;

import java.time.Duration;

/** Parses durations the way operators write them: 500ms, 1s, 2m, or a bare number of seconds. */
final class Durations {
    private Durations() {}

    static Duration parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return positive(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text);
            }
            if (t.endsWith("s")) {
                return positive(Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000)), text);
            }
            if (t.endsWith("m")) {
                return positive(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))), text);
            }
            return positive(Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000)), text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; write e.g. 500ms, 1s or 2m");
        }
    }

    private static Duration positive(Duration d, String text) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be a positive duration");
        }
        return d;
    }
}
