package io.gridchain.wallet;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a password comes from, in this order: {@code --password-file} (its first line), the
 * {@code GRIDCHAIN_PASSWORD} environment variable, or a prompt on the terminal without echo. A new
 * keystore never gets an empty password; at the prompt it is typed twice.
 */
public final class PasswordSource {
    public static final String ENV = "GRIDCHAIN_PASSWORD";

    private final Optional<Path> file;
    private final Map<String, String> env;
    private final Optional<Prompt> prompt;

    /** Reads a password without echo; empty if there is no one to ask (end of input). */
    @FunctionalInterface
    public interface Prompt {
        Optional<char[]> readPassword(String message);

        static Prompt of(Console console) {
            return message -> Optional.ofNullable(console.readPassword("%s", message));
        }
    }

    public PasswordSource(Optional<Path> passwordFile, Map<String, String> env, Optional<Prompt> prompt) {
        this.file = passwordFile;
        this.env = Map.copyOf(env);
        this.prompt = prompt;
    }

    /** The process's own environment and terminal (no prompt when input is not a terminal). */
    public static PasswordSource system(Optional<Path> passwordFile) {
        Console console = System.console();
        return new PasswordSource(passwordFile, System.getenv(), Optional.ofNullable(console).map(Prompt::of));
    }

    /** A password to unlock an existing key; {@code what} names it in the prompt, e.g. an address. */
    public String forUnlocking(String what) {
        Optional<String> given = fromFileOrEnv();
        if (given.isPresent()) {
            return given.get();
        }
        return ask("Password for " + what + ": ");
    }

    /** A password for a new key: never empty, and confirmed when typed at a prompt. */
    public String forCreating(String what) {
        Optional<String> given = fromFileOrEnv();
        if (given.isPresent()) {
            return requireNonEmpty(given.get());
        }
        String first = requireNonEmpty(ask("New password for " + what + ": "));
        String again = ask("Repeat the password: ");
        if (!first.equals(again)) {
            throw new PasswordException("the passwords do not match");
        }
        return first;
    }

    private Optional<String> fromFileOrEnv() {
        if (file.isPresent()) {
            return Optional.of(firstLine(file.get()));
        }
        return Optional.ofNullable(env.get(ENV));
    }

    private static String firstLine(Path path) {
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException e) {
            throw new PasswordException("cannot read the password file " + path + ": " + e.getMessage());
        }
    }

    private String ask(String message) {
        Prompt p = prompt.orElseThrow(() -> new PasswordException(
                "no password: use --password-file or set " + ENV + " (there is no terminal to ask)"));
        char[] typed = p.readPassword(message).orElseThrow(() -> new PasswordException("no password was entered"));
        try {
            return new String(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    private static String requireNonEmpty(String password) {
        if (password.isEmpty()) {
            throw new PasswordException("refusing an empty password for a new key");
        }
        return password;
    }

    /** A user-facing refusal; the message is all there is to show. */
    public static final class PasswordException extends WalletException {
        public PasswordException(String message) {
            super(message);
        }
    }
}
