package io.gridchain.node.api;

import io.gridchain.core.bytes.Bytes;
import io.gridchain.core.bytes.Hex;
import io.gridchain.core.crypto.Address;
import io.gridchain.core.tx.TransactionHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The JSON view of a payload that is a record (every identity and capacity kind): its components by
 * name, addresses EIP-55, bytes 0x-hex, enums in lowercase, token amounts (and prices) as decimal strings.
 * One generic view instead of one hand-written view per kind, so a new field can never be left out.
 */
final class RecordPayloadView implements Function<byte[], Map<String, Object>> {
    /** Components that hold token units, shown as decimal strings like every amount. */
    private static final Set<String> AMOUNTS = Set.of("amount", "escrow");

    private final TransactionHandler<?> handler;

    RecordPayloadView(TransactionHandler<?> handler) {
        this.handler = handler;
    }

    @Override
    public Map<String, Object> apply(byte[] payload) {
        Object decoded = handler.decode(payload);
        Object view = value(decoded, false);
        if (view instanceof Map<?, ?>) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) view;
            m.remove("kind");
            return m;
        }
        return Map.of("value", view);
    }

    private static Object value(Object v, boolean amount) {
        if (v == null) {
            return null;
        }
        if (v instanceof Optional<?> o) {
            return o.map(x -> value(x, amount)).orElse(null);
        }
        if (v instanceof Address || v instanceof CharSequence || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Bytes b) {
            return Hex.encodePrefixed(b.toArray());
        }
        if (v instanceof byte[] b) {
            return Hex.encodePrefixed(b);
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (v instanceof Number n) {
            return amount ? n.toString() : n;
        }
        if (v.getClass().isRecord()) {
            boolean prices = v.getClass().getSimpleName().equals("Prices");
            Map<String, Object> m = new LinkedHashMap<>();
            for (RecordComponent c : v.getClass().getRecordComponents()) {
                try {
                    m.put(c.getName(), value(c.getAccessor().invoke(v), prices || AMOUNTS.contains(c.getName())));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + v.getClass(), e);
                }
            }
            return m;
        }
        return v.toString();
    }
}
