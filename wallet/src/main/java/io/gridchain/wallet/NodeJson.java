package io.gridchain.wallet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridchain.core.block.BlockHeader;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.crypto.Hash32;
import io.gridchain.core.merkle.SmtProof;
import io.gridchain.core.tx.Event;
import io.gridchain.wallet.NodeViews.AccountProof;
import io.gridchain.wallet.NodeViews.LeaseProof;
import io.gridchain.wallet.NodeViews.AccountState;
import io.gridchain.wallet.NodeViews.BatchResult;
import io.gridchain.wallet.NodeViews.BlockInfo;
import io.gridchain.wallet.NodeViews.BlockTx;
import io.gridchain.wallet.NodeViews.Receipt;
import io.gridchain.wallet.NodeViews.Status;
import io.gridchain.wallet.NodeViews.Submitted;
import io.gridchain.wallet.NodeViews.TxInfo;
import io.gridchain.wallet.NodeViews.TxStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Maps the node's JSON to {@link NodeViews}. Anything outside the contract becomes a
 * {@link NodeClientException} naming the field. Integers are accepted as JSON numbers or decimal
 * strings, since the API writes amounts as strings.
 */
final class NodeJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private NodeJson() {}

    static Status status(JsonNode n) {
        return new Status(longOf(n, "chainId"), longOf(n, "height"), hash(n, "latestBlockHash"),
                instant(n, "latestBlockTime"), hash(n, "genesisHash"));
    }

    static AccountState account(JsonNode n) {
        return new AccountState(address(n, "address"), longOf(n, "balance"), longOf(n, "nonce"), longOf(n, "height"));
    }

    static Submitted submitted(JsonNode n) {
        return new Submitted(hash(n, "hash"), text(n, "status"));
    }

    static List<BatchResult> batch(JsonNode n) {
        List<BatchResult> out = new ArrayList<>();
        for (JsonNode r : array(n, "results")) {
            out.add(new BatchResult(hash(r, "hash"), bool(r, "accepted"), optionalText(r, "code"),
                    optionalText(r, "detail")));
        }
        return out;
    }

    static TxInfo tx(JsonNode n) {
        String status = text(n, "status");
        TxStatus s;
        try {
            s = TxStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unexpected("status", "unknown transaction status \"" + status + "\"");
        }
        OptionalLong height = present(n, "height") ? OptionalLong.of(longOf(n, "height")) : OptionalLong.empty();
        OptionalInt index = present(n, "index") ? OptionalInt.of(Math.toIntExact(longOf(n, "index"))) : OptionalInt.empty();
        Optional<Receipt> receipt = present(n, "receipt") ? Optional.of(receipt(n.get("receipt"))) : Optional.empty();
        return new TxInfo(hash(n, "hash"), s, height, index, text(n, "kind"), address(n, "sender"), longOf(n, "nonce"),
                longOf(n, "fee"), receipt);
    }

    private static Receipt receipt(JsonNode n) {
        List<Event> events = new ArrayList<>();
        if (present(n, "events")) {
            for (JsonNode e : array(n, "events")) {
                Map<String, String> attrs = new LinkedHashMap<>();
                e.path("attributes").properties().forEach(f -> attrs.put(f.getKey(), f.getValue().asText()));
                events.add(new Event(text(e, "type"), attrs));
            }
        }
        return new Receipt(longOf(n, "fee"), events);
    }

    static BlockInfo block(JsonNode n) {
        List<BlockTx> txs = new ArrayList<>();
        if (present(n, "transactions")) {
            for (JsonNode t : array(n, "transactions")) {
                txs.add(new BlockTx(hash(t, "hash"), text(t, "kind"), address(t, "sender"), longOf(t, "nonce"),
                        longOf(t, "fee"), map(t.path("payload"))));
            }
        }
        return new BlockInfo(hash(n, "hash"), header(object(n, "header")), txs, map(n.path("lastCommit")));
    }

    static List<BlockInfo> blocks(JsonNode n) {
        List<BlockInfo> out = new ArrayList<>();
        for (JsonNode b : array(n, "blocks")) {
            out.add(block(b));
        }
        return out;
    }

    static AccountProof accountProof(JsonNode n) {
        Optional<byte[]> value = present(n, "value") ? Optional.of(bytes(n, "value")) : Optional.empty();
        SmtProof proof;
        try {
            proof = SmtProof.decode(bytes(n, "proof"));
        } catch (RuntimeException e) {
            throw unexpected("proof", "not an encoded Merkle proof: " + e.getMessage());
        }
        return new AccountProof(address(n, "address"), longOf(n, "height"), bytes(n, "key"), value, proof,
                header(object(n, "header")));
    }

    static LeaseProof leaseProof(JsonNode n) {
        Optional<byte[]> value = present(n, "value") ? Optional.of(bytes(n, "value")) : Optional.empty();
        SmtProof proof;
        try {
            proof = SmtProof.decode(bytes(n, "proof"));
        } catch (RuntimeException e) {
            throw unexpected("proof", "not an encoded Merkle proof: " + e.getMessage());
        }
        return new LeaseProof(longOf(n, "leaseId"), longOf(n, "height"), bytes(n, "key"), value, proof,
                header(object(n, "header")), present(n, "commit") ? certificate(object(n, "commit")) : null);
    }

    /** {@code GET /v1/light/{height}}; the light client checks every field, this only decodes them. */
    static io.gridchain.lightclient.LightBlock lightBlock(JsonNode n) {
        io.gridchain.core.validator.ValidatorSet set;
        SmtProof next;
        try {
            set = io.gridchain.core.validator.ValidatorSet.decode(bytes(n, "validatorSet"));
        } catch (RuntimeException e) {
            throw unexpected("validatorSet", "not an encoded validator set: " + e.getMessage());
        }
        try {
            next = SmtProof.decode(bytes(n, "nextValidatorsProof"));
        } catch (RuntimeException e) {
            throw unexpected("nextValidatorsProof", "not an encoded Merkle proof: " + e.getMessage());
        }
        return new io.gridchain.lightclient.LightBlock(header(object(n, "header")),
                present(n, "commit") ? certificate(object(n, "commit")) : null, set, next);
    }

    static io.gridchain.core.block.CommitCertificate certificate(JsonNode c) {
        List<io.gridchain.core.block.CommitCertificate.CommitSignature> sigs = new ArrayList<>();
        for (JsonNode s : array(c, "signatures")) {
            io.gridchain.core.crypto.Signature.Decoded d =
                    io.gridchain.core.crypto.Signature.decode(bytes(s, "signature"));
            if (!(d instanceof io.gridchain.core.crypto.Signature.Decoded.Valid valid)) {
                throw unexpected("signature", "not a valid signature");
            }
            sigs.add(new io.gridchain.core.block.CommitCertificate.CommitSignature(address(s, "validator"), valid.signature()));
        }
        long round = longOf(c, "round");
        return new io.gridchain.core.block.CommitCertificate(longOf(c, "height"), (int) round, hash(c, "blockHash"), sigs);
    }

    static BlockHeader header(JsonNode h) {
        return new BlockHeader(longOf(h, "chainId"), longOf(h, "height"), hash(h, "parentHash"), millis(h, "timestamp"),
                address(h, "proposer"), hash(h, "transactionsRoot"), hash(h, "stateRoot"), hash(h, "validatorSetHash"),
                hash(h, "lastCommitHash"));
    }

    /** The header timestamp as epoch milliseconds, whether the node writes a number or an ISO instant. */
    private static long millis(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (v.isTextual() && !v.asText().chars().allMatch(Character::isDigit)) {
            return instant(n, field).toEpochMilli();
        }
        return longOf(n, field);
    }

    private static boolean present(JsonNode n, String field) {
        return n.hasNonNull(field);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw unexpected(field, "missing");
        }
        return v;
    }

    private static JsonNode object(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isObject()) {
            throw unexpected(field, "not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isArray()) {
            throw unexpected(field, "not an array");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isTextual()) {
            throw unexpected(field, "not a string");
        }
        return v.asText();
    }

    private static Optional<String> optionalText(JsonNode n, String field) {
        return present(n, field) ? Optional.of(text(n, field)) : Optional.empty();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isBoolean()) {
            throw unexpected(field, "not a boolean");
        }
        return v.asBoolean();
    }

    private static long longOf(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText());
            } catch (NumberFormatException e) {
                throw unexpected(field, "not a decimal integer: \"" + v.asText() + "\"");
            }
        }
        throw unexpected(field, "not an integer");
    }

    private static Hash32 hash(JsonNode n, String field) {
        byte[] b = bytes(n, field);
        if (b.length != 32) {
            throw unexpected(field, "not a 32-byte hash");
        }
        return Hash32.of(b);
    }

    private static byte[] bytes(JsonNode n, String field) {
        try {
            return Hex.decode(text(n, field));
        } catch (IllegalArgumentException e) {
            throw unexpected(field, e.getMessage());
        }
    }

    private static Address address(JsonNode n, String field) {
        Address.Parsed parsed = Address.parse(text(n, field));
        if (parsed instanceof Address.Parsed.Invalid invalid) {
            throw unexpected(field, invalid.reason());
        }
        return ((Address.Parsed.Valid) parsed).address();
    }

    private static Instant instant(JsonNode n, String field) {
        try {
            return Instant.parse(text(n, field));
        } catch (java.time.format.DateTimeParseException e) {
            throw unexpected(field, "not an ISO-8601 instant");
        }
    }

    private static Map<String, Object> map(JsonNode n) {
        if (n == null || !n.isObject()) {
            return Map.of();
        }
        Map<String, Object> m = MAPPER.convertValue(n, new TypeReference<Map<String, Object>>() {});
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }

    private static NodeClientException unexpected(String field, String what) {
        return new NodeClientException("the node's answer does not follow the API: " + field + ": " + what);
    }
}
