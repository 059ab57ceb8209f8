package io.gridchain.node.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * A command line picocli cannot parse, told as one line: an unknown option is named first (a typo in
 * an option usually also makes a required option "missing", and that second message hides the cause),
 * with the closest known name when one is near enough to be a likely typo.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cli = ex.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + describe(ex) + " (see `" + cli.getCommandSpec().qualifiedName() + " --help`)");
        err.flush();
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String describe(CommandLine.ParameterException ex) {
        CommandLine cli = ex.getCommandLine();
        List<String> unmatched = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                : cli.getUnmatchedArguments();
        if (unmatched.isEmpty()) {
            return ex.getMessage();
        }
        String first = unmatched.get(0);
        if (first.startsWith("-")) {
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            return "unknown option '" + name + "'" + closest(name, cli.getCommandSpec().optionsMap().keySet())
                    .map(s -> "; did you mean '" + s + "'?").orElse("");
        }
        if (!cli.getSubcommands().isEmpty()) {
            return "unknown command '" + first + "'" + closest(first, cli.getSubcommands().keySet())
                    .map(s -> "; did you mean '" + s + "'?").orElse("");
        }
        return "unexpected argument '" + first + "'";
    }

    /** The known name nearest to {@code typed}, if it is within a typo's distance (a third of its length, at least 2). */
    static Optional<String> closest(String typed, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = distance(typed, k);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(2, typed.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
