package io.gridchain.node.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code node run --config node.yaml}: every option of {@code node run} has a key, its long name without
 * the dashes ({@code api-port: 28080}); an option given on the command line wins over the file. Secrets
 * never go in the file: the keystore password comes from {@code --password-file} or the environment.
 * A relative path in the file is relative to the file's directory.
 * {@link #template} writes the commented file {@code node init} makes, from the same option list, so
 * a new option has a key without anyone remembering to add one.
 */
final class NodeConfigFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Options that are not settings of the node. */
    private static final Set<String> NOT_KEYS = Set.of("--config", "--help", "--version", "--log-level");
    private static final Set<String> SECRETS = Set.of("password", "keystore-password", "private-key", "mnemonic");

    private NodeConfigFile() {}

    /** The keys a config file may hold, each with the option it sets, in the order of --help. */
    static Map<String, OptionSpec> keys(CommandSpec spec) {
        Map<String, OptionSpec> keys = new java.util.LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden() && !NOT_KEYS.contains(o.longestName()) && o.longestName().startsWith("--")) {
                keys.put(o.longestName().substring(2), o);
            }
        }
        return keys;
    }

    /**
     * Sets, from {@code file}, each option that was not given on the command line. Refuses an unknown
     * key (naming the closest known one), a secret, and a value of the wrong type, each as one line.
     */
    static void apply(Path file, CommandSpec spec, CommandLine.ParseResult parsed) {
        JsonNode root = read(file);
        Map<String, OptionSpec> keys = keys(spec);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (SECRETS.contains(key.toLowerCase(Locale.ROOT))) {
                throw new CliException(file + ": " + key + ": secrets do not go in the config file; give the keystore password "
                        + "with --password-file or $" + io.gridchain.wallet.PasswordSource.ENV);
            }
            OptionSpec option = keys.get(key);
            if (option == null) {
                throw new CliException(file + ": unknown key '" + key + "'" + UsageErrors.closest(key, keys.keySet())
                        .map(k -> "; did you mean '" + k + "'?").orElse("") + " (the keys are the options of `node run`)");
            }
            if (!parsed.hasMatchedOption(option)) {
                set(option, e.getValue(), file + ": " + key, file.toAbsolutePath().getParent());
            }
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root == null || root.isMissingNode() || root.isNull()) {
                return YAML.createObjectNode();
            }
            if (!root.isObject()) {
                throw new CliException(file + " is not a YAML mapping of keys to values");
            }
            return root;
        } catch (NoSuchFileException e) {
            throw new CliException("no such config file: " + file);
        } catch (JsonProcessingException e) {
            throw new CliException(file + " is not valid YAML at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A relative path in the file is relative to the file, so the file means the same from any directory. */
    private static void set(OptionSpec option, JsonNode value, String at, Path base) {
        Class<?> type = option.type();
        try {
            if (List.class.isAssignableFrom(type)) {
                List<String> list = new ArrayList<>();
                if (value.isArray()) {
                    value.forEach(v -> list.add(scalar(v, at)));
                } else {
                    list.addAll(List.of(scalar(value, at).split(",")));
                }
                option.setValue(list);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.isBoolean()) {
                    throw new CliException(at + ": expected true or false, got " + value);
                }
                option.setValue(value.asBoolean());
            } else if (type == int.class || type == Integer.class) {
                if (!value.canConvertToInt() || !value.isIntegralNumber()) {
                    throw new CliException(at + ": expected a whole number, got " + value);
                }
                option.setValue(value.asInt());
            } else if (type == Path.class) {
                option.setValue(base.resolve(scalar(value, at)));
            } else if (type == Duration.class) {
                option.setValue(Durations.parse(scalar(value, at)));
            } else {
                option.setValue(scalar(value, at));
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(at + ": " + e.getMessage());
        }
    }

    private static String scalar(JsonNode v, String at) {
        if (!v.isValueNode() || v.isNull()) {
            throw new CliException(at + ": expected a single value, got " + v);
        }
        return v.asText();
    }

    /** The commented file `node init` writes: every key, its help text, and its default or an example. */
    static String template(CommandSpec spec, Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        s.append("# A gridchain node: `gridchain node run --config node.yaml`.\n");
        s.append("# Every key is an option of `node run` without its dashes; an option given on the command line wins.\n");
        s.append("# Relative paths are relative to this file's directory.\n");
        s.append("# No secrets here: the keystore password comes from --password-file or $")
                .append(io.gridchain.wallet.PasswordSource.ENV).append(".\n");
        for (Map.Entry<String, OptionSpec> e : keys(spec).entrySet()) {
            OptionSpec o = e.getValue();
            s.append('\n');
            for (String line : o.description()) {
                s.append("# ").append(line.replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue()))).append('\n');
            }
            String value = values.get(e.getKey());
            if (value != null) {
                s.append(e.getKey()).append(": ").append(value).append('\n');
            } else if (o.defaultValue() != null) {
                s.append(e.getKey()).append(": ").append(o.defaultValue()).append('\n');
            } else {
                s.append("# ").append(e.getKey()).append(": ").append(List.class.isAssignableFrom(o.type()) ? "[]" : "").append('\n');
            }
        }
        return s.toString();
    }
}
