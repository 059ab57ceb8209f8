package io.gridchain.core.tx;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The registry of transaction kinds. Adding a kind is one payload, one handler and one {@link #register}. */
public final class TransactionKinds {
    private final Map<String, TransactionHandler<?>> handlers = new LinkedHashMap<>();

    public TransactionKinds register(TransactionHandler<?> handler) {
        if (handlers.putIfAbsent(handler.kind(), handler) != null) {
            throw new IllegalArgumentException("transaction kind " + handler.kind() + " is registered twice");
        }
        return this;
    }

    public Optional<TransactionHandler<?>> handler(String kind) {
        return Optional.ofNullable(handlers.get(kind));
    }

    public Set<String> kinds() {
        return Collections.unmodifiableSet(handlers.keySet());
    }
}
