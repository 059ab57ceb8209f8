package io.gridchain.genesis;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gridchain.capacity.CapacityParams;
import io.gridchain.capacity.Prices;
import io.gridchain.core.bytes.Hex;
import io.gridchain.identity.IdentityParams;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.params.ChainParams;
import io.gridchain.core.validator.Validator;
import io.gridchain.genesis.GenesisDocument.Balance;
import io.gridchain.genesis.GenesisDocument.Parsed;
import io.gridchain.genesis.GenesisDocument.Problem;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The JSON form of {@link GenesisDocument}: a strict reader that names every bad field, and the writer. */
final class GenesisJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

    private GenesisJson() {}

    static Parsed read(String json) {
        return read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Parsed read(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return invalid(new Problem("", "not valid JSON: " + e.getOriginalMessage() + at(e.getLocation())));
        } catch (IOException e) {
            return invalid(new Problem("", "not valid JSON: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return invalid(new Problem("", "a genesis document is a JSON object"));
        }
        Reader reader = new Reader();
        Optional<GenesisDocument> doc = reader.document(root);
        return doc.<Parsed>map(Parsed.Valid::new).orElseGet(() -> new Parsed.Invalid(reader.problems));
    }

    private static Parsed invalid(Problem p) {
        return new Parsed.Invalid(List.of(p));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    static String write(GenesisDocument doc) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("chainId", doc.chainId());
        root.put("genesisTime", doc.genesisTime().toString());
        ArrayNode validators = root.putArray("validators");
        for (Validator v : doc.validators()) {
            validators.addObject().put("address", v.address().toString())
                    .put("publicKey", Hex.encodePrefixed(v.publicKey())).put("power", v.power());
        }
        ArrayNode balances = root.putArray("balances");
        for (Balance b : doc.balances()) {
            balances.addObject().put("address", b.address().toString()).put("amount", Long.toString(b.amount()));
        }
        ChainParams p = doc.params();
        root.putObject("params").put("targetBlockTimeMillis", p.targetBlockTimeMillis())
                .put("maxBlockBytes", p.maxBlockBytes()).put("maxTransactionBytes", p.maxTransactionBytes())
                .put("minFee", p.minFee()).put("maxClockDriftMillis", p.maxClockDriftMillis());
        writeIdentity(root.putObject("identity"), doc.identity());
        writeCapacity(root.putObject("capacity"), doc.capacity());
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static void writeIdentity(ObjectNode node, GenesisDocument.IdentitySection section) {
        IdentityParams p = section.params();
        node.put("registration", p.registrationMode().name().toLowerCase(java.util.Locale.ROOT))
                .put("registrationFee", Long.toString(p.registrationFee()))
                .put("updateFee", Long.toString(p.updateFee()))
                .put("rotationDelayBlocks", p.rotationDelayBlocks());
        ArrayNode registrars = node.putArray("registrars");
        for (GenesisDocument.Registrar r : section.registrars()) {
            registrars.addObject().put("address", r.address().toString()).put("label", r.label());
        }
    }

    private static void writeCapacity(ObjectNode node, CapacityParams p) {
        writePrices(node.putObject("minPrices"), p.minPrices());
        writePrices(node.putObject("maxPrices"), p.maxPrices());
        node.put("gracePeriodSeconds", p.gracePeriodSeconds()).put("minPrepaidSeconds", p.minPrepaidSeconds());
        p.governance().ifPresent(g -> node.put("governance", g.toString()));
    }

    private static void writePrices(ObjectNode node, Prices p) {
        node.put("cru", Long.toString(p.cru())).put("mru", Long.toString(p.mru()))
                .put("sru", Long.toString(p.sru())).put("hru", Long.toString(p.hru()));
    }

    /** Walks the tree, collecting problems; builds the document only when every field could be read. */
    private static final class Reader {
        final List<Problem> problems = new ArrayList<>();

        /** Applies every rule to whatever parts could be read, so one bad field does not hide another. */
        Optional<GenesisDocument> document(JsonNode root) {
            fields(root, "", Set.of("chainId", "genesisTime", "validators", "balances", "params", "identity", "capacity"));
            Optional<Long> chainId = integer(root, "", "chainId");
            chainId.ifPresent(id -> GenesisRules.checkChainId(id, problems));
            Optional<Instant> time = text(root, "", "genesisTime").flatMap(this::instant);
            time.ifPresent(t -> GenesisRules.checkTime(t, problems));
            Optional<Parts<Validator>> validators = array(root, "validators", this::validator);
            validators.ifPresent(v -> {
                if (v.size() == 0) {
                    problems.add(GenesisRules.NO_VALIDATORS);
                }
                GenesisRules.checkValidators(v.read(), problems);
            });
            Optional<Parts<Balance>> balances = array(root, "balances", this::balance);
            balances.ifPresent(b -> GenesisRules.checkBalances(b.read(), problems));
            Optional<ChainParams> params = object(root, "", "params").flatMap(this::params);
            Optional<GenesisDocument.IdentitySection> identity = root.has("identity")
                    ? object(root, "", "identity").flatMap(this::identity)
                    : Optional.of(GenesisDocument.IdentitySection.PRODUCTION);
            Optional<CapacityParams> capacity = root.has("capacity")
                    ? object(root, "", "capacity").flatMap(this::capacity)
                    : Optional.of(CapacityParams.DEFAULTS);
            if (!problems.isEmpty() || chainId.isEmpty() || time.isEmpty() || validators.isEmpty()
                    || balances.isEmpty() || params.isEmpty() || identity.isEmpty() || capacity.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new GenesisDocument(chainId.get(), time.get(), validators.get().all(),
                    balances.get().all(), params.get(), identity.get(), capacity.get()));
        }

        private Optional<GenesisDocument.IdentitySection> identity(JsonNode node) {
            String at = "identity";
            fields(node, at, Set.of("registration", "registrationFee", "updateFee", "rotationDelayBlocks", "registrars"));
            Optional<IdentityParams.RegistrationMode> mode = text(node, at, "registration").flatMap(m -> {
                if (m.equals("open")) {
                    return Optional.of(IdentityParams.RegistrationMode.OPEN);
                }
                if (m.equals("registrar")) {
                    return Optional.of(IdentityParams.RegistrationMode.REGISTRAR);
                }
                problems.add(new Problem("identity.registration", "must be \"open\" or \"registrar\""));
                return Optional.empty();
            });
            Optional<Long> registrationFee = units(node, at, "registrationFee");
            Optional<Long> updateFee = units(node, at, "updateFee");
            Optional<Long> delay = integer(node, at, "rotationDelayBlocks");
            if (delay.isPresent() && delay.get() < 0) {
                problems.add(new Problem("identity.rotationDelayBlocks", "must not be negative"));
                delay = Optional.empty();
            }
            Optional<Parts<GenesisDocument.Registrar>> registrars = node.has("registrars")
                    ? array(node, "registrars", "identity.registrars", this::registrar)
                    : Optional.of(new Parts<>(new TreeMap<>(), 0));
            registrars.ifPresent(r -> GenesisRules.checkRegistrars(r.read(), problems));
            if (mode.isEmpty() || registrationFee.isEmpty() || updateFee.isEmpty() || delay.isEmpty()
                    || registrars.isEmpty() || registrars.get().read().size() != registrars.get().size()) {
                return Optional.empty();
            }
            return Optional.of(new GenesisDocument.IdentitySection(new IdentityParams(mode.get(), registrationFee.get(),
                    updateFee.get(), delay.get()), registrars.get().all()));
        }

        private Optional<GenesisDocument.Registrar> registrar(JsonNode node, String at) {
            if (!isObject(node, at)) {
                return Optional.empty();
            }
            fields(node, at, Set.of("address", "label"));
            Optional<Address> address = address(node, at);
            Optional<String> label = text(node, at, "label");
            if (address.isEmpty() || label.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new GenesisDocument.Registrar(address.get(), label.get()));
        }

        private Optional<CapacityParams> capacity(JsonNode node) {
            String at = "capacity";
            fields(node, at, Set.of("minPrices", "maxPrices", "gracePeriodSeconds", "minPrepaidSeconds", "governance"));
            Optional<Prices> min = object(node, at, "minPrices").flatMap(p -> prices(p, "capacity.minPrices"));
            Optional<Prices> max = object(node, at, "maxPrices").flatMap(p -> prices(p, "capacity.maxPrices"));
            Optional<Long> grace = integer(node, at, "gracePeriodSeconds");
            if (grace.isPresent() && grace.get() < 0) {
                problems.add(new Problem("capacity.gracePeriodSeconds", "must not be negative"));
                grace = Optional.empty();
            }
            Optional<Long> prepaid = integer(node, at, "minPrepaidSeconds");
            if (prepaid.isPresent() && prepaid.get() < 1) {
                problems.add(new Problem("capacity.minPrepaidSeconds", "must be at least 1"));
                prepaid = Optional.empty();
            }
            Optional<Optional<Address>> governance = node.has("governance")
                    ? address(node, at, "governance").map(Optional::of) : Optional.of(Optional.empty());
            if (min.isEmpty() || max.isEmpty() || grace.isEmpty() || prepaid.isEmpty() || governance.isEmpty()) {
                return Optional.empty();
            }
            if (!min.get().within(min.get(), max.get())) {
                problems.add(new Problem("capacity.minPrices", "each minimum price must not exceed its maximum"));
                return Optional.empty();
            }
            return Optional.of(new CapacityParams(min.get(), max.get(), grace.get(), prepaid.get(), governance.get()));
        }

        private Optional<Prices> prices(JsonNode node, String at) {
            fields(node, at, Set.of("cru", "mru", "sru", "hru"));
            Optional<Long> cru = units(node, at, "cru");
            Optional<Long> mru = units(node, at, "mru");
            Optional<Long> sru = units(node, at, "sru");
            Optional<Long> hru = units(node, at, "hru");
            if (cru.isEmpty() || mru.isEmpty() || sru.isEmpty() || hru.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Prices(cru.get(), mru.get(), sru.get(), hru.get()));
        }

        /** A non-negative token amount written as a decimal string of units. */
        private Optional<Long> units(JsonNode node, String at, String name) {
            return text(node, at, name).flatMap(text -> {
                if (!DECIMAL.matcher(text).matches()) {
                    problems.add(new Problem(path(at, name), "must be a decimal string of units, such as \"1000000\""));
                    return Optional.empty();
                }
                try {
                    return Optional.of(Long.parseLong(text));
                } catch (NumberFormatException e) {
                    problems.add(new Problem(path(at, name), "exceeds the largest amount, " + Long.MAX_VALUE + " units"));
                    return Optional.empty();
                }
            });
        }

        private Optional<Address> address(JsonNode node, String at, String name) {
            return text(node, at, name).flatMap(text -> {
                Address.Parsed parsed = Address.parse(text);
                if (parsed instanceof Address.Parsed.Invalid invalid) {
                    problems.add(new Problem(path(at, name), invalid.reason()));
                    return Optional.empty();
                }
                return Optional.of(((Address.Parsed.Valid) parsed).address());
            });
        }

        /** The elements of an array that could be read, by index, and how many there were. */
        private record Parts<T>(SortedMap<Integer, T> read, int size) {
            List<T> all() {
                return new ArrayList<>(read.values());
            }
        }

        private Optional<Instant> instant(String text) {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                problems.add(new Problem("genesisTime", "not an ISO-8601 UTC time such as 2026-11-22T00:00:00Z"));
                return Optional.empty();
            }
        }

        private Optional<Validator> validator(JsonNode node, String at) {
            if (!isObject(node, at)) {
                return Optional.empty();
            }
            fields(node, at, Set.of("address", "publicKey", "power"));
            Optional<Address> address = address(node, at);
            Optional<byte[]> key = text(node, at, "publicKey").flatMap(k -> publicKey(k, at + ".publicKey"));
            Optional<Long> power = integer(node, at, "power");
            if (power.isPresent() && power.get() <= 0) {
                problems.add(new Problem(at + ".power", "must be positive"));
                return Optional.empty();
            }
            if (address.isEmpty() || key.isEmpty() || power.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Validator(address.get(), key.get(), power.get()));
        }

        private Optional<byte[]> publicKey(String text, String at) {
            if (!text.startsWith("0x")) {
                problems.add(new Problem(at, "must be 0x followed by hex"));
                return Optional.empty();
            }
            try {
                byte[] key = Hex.decode(text);
                if (key.length != 33) {
                    problems.add(new Problem(at, "not 33 bytes (a compressed secp256k1 key), got " + key.length));
                    return Optional.empty();
                }
                return Optional.of(key);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(at, e.getMessage()));
                return Optional.empty();
            }
        }

        private Optional<Balance> balance(JsonNode node, String at) {
            if (!isObject(node, at)) {
                return Optional.empty();
            }
            fields(node, at, Set.of("address", "amount"));
            Optional<Address> address = address(node, at);
            Optional<Long> amount = amount(node, at);
            if (address.isEmpty() || amount.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Balance(address.get(), amount.get()));
        }

        private Optional<Long> amount(JsonNode node, String at) {
            JsonNode value = node.get("amount");
            String path = at + ".amount";
            if (value == null) {
                problems.add(new Problem(path, "missing"));
                return Optional.empty();
            }
            if (!value.isTextual() || !DECIMAL.matcher(value.asText()).matches()) {
                problems.add(new Problem(path, "must be a decimal string of units, such as \"1000000000\""));
                return Optional.empty();
            }
            try {
                return Optional.of(Long.parseLong(value.asText()));
            } catch (NumberFormatException e) {
                problems.add(new Problem(path, "exceeds the largest amount, " + Long.MAX_VALUE + " units"));
                return Optional.empty();
            }
        }

        private Optional<ChainParams> params(JsonNode node) {
            String at = "params";
            fields(node, at, Set.of("targetBlockTimeMillis", "maxBlockBytes", "maxTransactionBytes", "minFee",
                    "maxClockDriftMillis"));
            Optional<Long> blockTime = integer(node, at, "targetBlockTimeMillis");
            Optional<Long> maxBlock = integer(node, at, "maxBlockBytes");
            Optional<Long> maxTx = integer(node, at, "maxTransactionBytes");
            Optional<Long> minFee = integer(node, at, "minFee");
            if (blockTime.isEmpty() || maxBlock.isEmpty() || maxTx.isEmpty() || minFee.isEmpty()) {
                return Optional.empty();
            }
            long drift = ChainParams.DEFAULT_MAX_CLOCK_DRIFT_MILLIS;
            if (node.has("maxClockDriftMillis")) {
                Optional<Long> given = integer(node, at, "maxClockDriftMillis");
                if (given.isEmpty()) {
                    return Optional.empty();
                }
                drift = given.get();
            }
            int before = problems.size();
            GenesisRules.checkParams(blockTime.get(), maxBlock.get(), maxTx.get(), minFee.get(), problems);
            if (drift <= 0) {
                problems.add(new Problem("params.maxClockDriftMillis", "must be positive"));
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new ChainParams(blockTime.get(), Math.toIntExact(maxBlock.get()),
                    Math.toIntExact(maxTx.get()), minFee.get(), drift));
        }

        private Optional<Address> address(JsonNode node, String at) {
            return text(node, at, "address").flatMap(text -> {
                Address.Parsed parsed = Address.parse(text);
                if (parsed instanceof Address.Parsed.Invalid invalid) {
                    problems.add(new Problem(at + ".address", invalid.reason()));
                    return Optional.empty();
                }
                return Optional.of(((Address.Parsed.Valid) parsed).address());
            });
        }

        private <T> Optional<Parts<T>> array(JsonNode root, String name, Element<T> element) {
            return array(root, name, name, element);
        }

        private <T> Optional<Parts<T>> array(JsonNode root, String name, String at, Element<T> element) {
            JsonNode node = root.get(name);
            if (node == null) {
                problems.add(new Problem(at, "missing"));
                return Optional.empty();
            }
            if (!node.isArray()) {
                problems.add(new Problem(at, "must be an array"));
                return Optional.empty();
            }
            SortedMap<Integer, T> read = new TreeMap<>();
            for (int i = 0; i < node.size(); i++) {
                int index = i;
                element.read(node.get(i), at + "[" + i + "]").ifPresent(item -> read.put(index, item));
            }
            return Optional.of(new Parts<>(read, node.size()));
        }

        private interface Element<T> {
            Optional<T> read(JsonNode node, String at);
        }

        private boolean isObject(JsonNode node, String at) {
            if (!node.isObject()) {
                problems.add(new Problem(at, "must be an object"));
                return false;
            }
            return true;
        }

        private void fields(JsonNode node, String at, Set<String> allowed) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    problems.add(new Problem(path(at, name), "unknown field"));
                }
            }
        }

        private Optional<JsonNode> field(JsonNode node, String at, String name) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                problems.add(new Problem(path(at, name), "missing"));
                return Optional.empty();
            }
            return Optional.of(value);
        }

        private Optional<JsonNode> object(JsonNode node, String at, String name) {
            return field(node, at, name).filter(v -> {
                if (!v.isObject()) {
                    problems.add(new Problem(path(at, name), "must be an object"));
                }
                return v.isObject();
            });
        }

        private Optional<String> text(JsonNode node, String at, String name) {
            return field(node, at, name).filter(v -> {
                if (!v.isTextual()) {
                    problems.add(new Problem(path(at, name), "must be a string"));
                }
                return v.isTextual();
            }).map(JsonNode::asText);
        }

        private Optional<Long> integer(JsonNode node, String at, String name) {
            return field(node, at, name).filter(v -> {
                boolean ok = v.isIntegralNumber() && v.canConvertToLong();
                if (!ok) {
                    problems.add(new Problem(path(at, name), v.isIntegralNumber()
                            ? "out of range for a 64-bit integer" : "must be an integer"));
                }
                return ok;
            }).map(JsonNode::longValue);
        }

        private static String path(String at, String name) {
            return at.isEmpty() ? name : at + "." + name;
        }
    }
}
