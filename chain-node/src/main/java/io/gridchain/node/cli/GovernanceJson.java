package io.gridchain.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.governance.GovernanceAction;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Governance actions, validators and chain parameters in JSON, in the shapes {@code GET /v1/governance}
 * answers with, read strictly: every failure names the field, e.g. {@code action.validators[0].power}.
 */
final class GovernanceJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private GovernanceJson() {}

    /** A field that is missing, mistyped or out of range; {@link GovernanceProposal#parse} turns it into a value. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper FILES = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);

    /** A file people pass around (a proposal, an identity request): indented JSON and a final newline. */
    static String fileText(ObjectNode root) {
        try {
            return FILES.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text of such a file, {@code what} naming it in the error when there is none. */
    static String readFile(java.nio.file.Path file, String what) {
        try {
            return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException("no such " + what + " file: " + file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The JSON of such a file, or Malformed saying where it is not JSON. */
    static JsonNode fileTree(String text) {
        try {
            return FILES.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Malformed("not JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    /** The fields of such a file, after checking its {@code format} tag. */
    static Fields file(JsonNode root, String format) {
        Fields f = object(root, "the file");
        String found = f.text("format");
        if (!found.equals(format)) {
            throw new Malformed("format: expected \"" + format + "\", got \"" + found + "\"");
        }
        return f;
    }

    static ObjectNode action(GovernanceAction action) {
        ObjectNode m = NODES.objectNode();
        if (action instanceof GovernanceAction.UpdateValidators u) {
            m.put("action", "update-validators");
            ArrayNode list = m.putArray("validators");
            for (GovernanceAction.ValidatorUpdate x : u.updates()) {
                list.addObject().put("address", x.address().toString()).put("publicKey", Hex.encodePrefixed(x.publicKey()))
                        .put("power", x.power());
            }
        } else {
            m.put("action", "set-params");
            m.set("params", params(((GovernanceAction.SetParams) action).params()));
        }
        return m;
    }

    static ArrayNode validators(List<Validator> validators) {
        ArrayNode list = NODES.arrayNode();
        for (Validator v : validators) {
            list.addObject().put("address", v.address().toString()).put("publicKey", Hex.encodePrefixed(v.publicKey()))
                    .put("power", v.power());
        }
        return list;
    }

    static ObjectNode params(ChainParams p) {
        return NODES.objectNode().put("targetBlockTimeMillis", p.targetBlockTimeMillis()).put("maxBlockBytes", p.maxBlockBytes())
                .put("maxTransactionBytes", p.maxTransactionBytes()).put("minFee", Long.toString(p.minFee()))
                .put("maxClockDriftMillis", p.maxClockDriftMillis());
    }

    static GovernanceAction readAction(JsonNode node, String at) {
        Fields f = object(node, at);
        String type = f.text("action");
        if (type.equals("update-validators")) {
            f.allowOnly("action", "validators");
            return new GovernanceAction.UpdateValidators(readUpdates(f.node("validators"), at + ".validators"));
        }
        if (type.equals("set-params")) {
            f.allowOnly("action", "params");
            return new GovernanceAction.SetParams(readParams(f.node("params"), at + ".params"));
        }
        throw new Malformed(at + ".action: expected \"update-validators\" or \"set-params\", got \"" + type + "\"");
    }

    /** Validators of a set: power is positive. */
    static List<Validator> readValidators(JsonNode node, String at) {
        List<Validator> out = new ArrayList<>();
        for (GovernanceAction.ValidatorUpdate u : readUpdates(node, at)) {
            if (u.power() == 0) {
                throw new Malformed(at + ": " + u.address() + " has power 0; a member of a validator set has positive power");
            }
            out.add(new Validator(u.address(), u.publicKey(), u.power()));
        }
        return out;
    }

    /** Validator changes: power 0 removes; the key must be the address's. */
    private static List<GovernanceAction.ValidatorUpdate> readUpdates(JsonNode node, String at) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new Malformed(at + ": expected a non-empty array");
        }
        List<GovernanceAction.ValidatorUpdate> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Fields f = object(node.get(i), at + "[" + i + "]");
            Address address = f.address("address");
            byte[] key = f.publicKey("publicKey");
            if (!Address.fromCompressedPublicKey(key).equals(address)) {
                throw new Malformed(f.at + ".publicKey: the key is not the key of " + address);
            }
            out.add(new GovernanceAction.ValidatorUpdate(address, key, f.nonNegative("power")));
            f.allowOnly("address", "publicKey", "power");
        }
        return out;
    }

    static ChainParams readParams(JsonNode node, String at) {
        Fields f = object(node, at);
        f.allowOnly("targetBlockTimeMillis", "maxBlockBytes", "maxTransactionBytes", "minFee", "maxClockDriftMillis");
        long maxBlock = f.nonNegative("maxBlockBytes");
        long maxTx = f.nonNegative("maxTransactionBytes");
        if (maxBlock > Integer.MAX_VALUE || maxTx > Integer.MAX_VALUE) {
            throw new Malformed(at + ": byte limits must be below 2^31");
        }
        try {
            long drift = node.has("maxClockDriftMillis") ? f.nonNegative("maxClockDriftMillis")
                    : ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MILLIS;
            return new ChainParams(f.nonNegative("targetBlockTimeMillis"), (int) maxBlock, (int) maxTx, f.nonNegative("minFee"),
                    drift);
        } catch (IllegalArgumentException e) {
            throw new Malformed(at + ": " + e.getMessage());
        }
    }

    static Fields object(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new Malformed(at + ": expected a JSON object");
        }
        return new Fields((ObjectNode) node, at);
    }

    /** The fields of one JSON object, each read with its path for the message when it is wrong. */
    static final class Fields {
        private final ObjectNode node;
        final String at;

        private Fields(ObjectNode node, String at) {
            this.node = node;
            this.at = at;
        }

        private String path(String name) {
            return at.equals("the file") ? name : at + "." + name;
        }

        JsonNode node(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new Malformed(path(name) + ": missing");
            }
            return v;
        }

        String text(String name) {
            JsonNode v = node(name);
            if (!v.isTextual()) {
                throw new Malformed(path(name) + ": expected a string, got " + v);
            }
            return v.asText();
        }

        /** A whole number, written as a JSON number or (like token amounts in the API) a decimal string. */
        long nonNegative(String name) {
            JsonNode v = node(name);
            long value;
            if (v.canConvertToExactIntegral() && v.canConvertToLong()) {
                value = v.asLong();
            } else if (v.isTextual() && v.asText().matches("[0-9]{1,18}")) {
                value = Long.parseLong(v.asText());
            } else {
                throw new Malformed(path(name) + ": expected a whole number, got " + v);
            }
            if (value < 0) {
                throw new Malformed(path(name) + ": must not be negative, got " + value);
            }
            return value;
        }

        Address address(String name) {
            Address.Parsed parsed = Address.parse(text(name));
            if (parsed instanceof Address.Parsed.Invalid invalid) {
                throw new Malformed(path(name) + ": " + invalid.reason());
            }
            return ((Address.Parsed.Valid) parsed).address();
        }

        byte[] publicKey(String name) {
            String text = text(name);
            byte[] key;
            try {
                key = Hex.decode(text);
                Address.fromCompressedPublicKey(key);
            } catch (RuntimeException e) { // a bad length, a non-hex digit, or bytes that are no curve point
                throw new Malformed(path(name) + ": not a 33-byte compressed secp256k1 public key (" + e.getMessage() + ")");
            }
            return key;
        }

        /** Refuses fields nobody reads: a typo must not pass for a value that was never applied. */
        void allowOnly(String... names) {
            List<String> known = Arrays.asList(names);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!known.contains(field)) {
                    throw new Malformed(path(field) + ": unknown field; expected " + String.join(", ", known));
                }
            }
        }
    }
}
